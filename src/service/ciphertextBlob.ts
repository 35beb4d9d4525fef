import { err, ok, type Result } from "neverthrow";
import { isKeyId, type KeyId } from "../domain/keyId.js";
import { isKeyMaterialId, type KeyMaterialId } from "../domain/keyMaterialId.js";
import { type KmsError, kmsError } from "../domain/kmsError.js";
import type { EncryptionContext } from "../domain/requests/dataPlaneRules.js";

const formatVersion = 1;
const keyIdBytes = 16;
const keyMaterialIdBytes = 32;
const headerBytes = 1 + keyIdBytes + keyMaterialIdBytes;

/** A data-plane ciphertext taken apart: which key and material made it, and the rest. */
export interface ParsedCiphertext {
  readonly keyId: KeyId;
  readonly keyMaterialId: KeyMaterialId;
  /** The header bytes, authenticated with the body. */
  readonly header: Uint8Array;
  /** What the crypto provider's `encrypt` returned. */
  readonly body: Uint8Array;
}

/**
 * The header of a kms-byok ciphertext: format version (1 byte) ‖ key ID (16 bytes, the UUID) ‖
 * key material ID (32 bytes). It names the key and material, so Decrypt needs no `KeyId`, and
 * it is authenticated together with the encryption context ({@link ciphertextAdditionalData}).
 */
export function ciphertextHeader(keyId: KeyId, keyMaterialId: KeyMaterialId): Uint8Array {
  const header = new Uint8Array(headerBytes);
  header[0] = formatVersion;
  header.set(fromHex(keyId.replaceAll("-", "")), 1);
  header.set(fromHex(keyMaterialId), 1 + keyIdBytes);
  return header;
}

/**
 * Takes a ciphertext blob apart; the body is checked only when it is decrypted.
 *
 * Errors: `InvalidCiphertextException` for a blob that is not a kms-byok ciphertext.
 */
export function parseCiphertextBlob(blob: Uint8Array): Result<ParsedCiphertext, KmsError> {
  if (blob.byteLength <= headerBytes || blob[0] !== formatVersion) {
    return err(
      kmsError("InvalidCiphertextException", "The ciphertext is not a kms-byok ciphertext blob."),
    );
  }
  const uuid = toHex(blob.subarray(1, 1 + keyIdBytes));
  const keyId = `${uuid.slice(0, 8)}-${uuid.slice(8, 12)}-${uuid.slice(12, 16)}-${uuid.slice(16, 20)}-${uuid.slice(20)}`;
  const keyMaterialId = toHex(blob.subarray(1 + keyIdBytes, headerBytes));
  if (!isKeyId(keyId) || !isKeyMaterialId(keyMaterialId)) {
    throw new TypeError("A header of hex digits must decode to a key ID and key material ID.");
  }
  return ok({
    keyId,
    keyMaterialId,
    header: blob.subarray(0, headerBytes),
    body: blob.subarray(headerBytes),
  });
}

/**
 * The additional authenticated data of a ciphertext: its header, then the encryption context
 * in a canonical form (pairs sorted by the UTF-8 bytes of the key, every string length-prefixed),
 * so the same pairs in any order authenticate and any other pairs do not.
 */
export function ciphertextAdditionalData(
  header: Uint8Array,
  context: EncryptionContext,
): Uint8Array {
  const utf8 = new TextEncoder();
  const pairs = Object.entries(context)
    .map(([key, value]) => [utf8.encode(key), utf8.encode(value)] as const)
    .sort(([a], [b]) => compareBytes(a, b));
  const parts = [header, uint32(pairs.length)];
  for (const [key, value] of pairs)
    parts.push(uint32(key.length), key, uint32(value.length), value);
  return concatBytes(parts);
}

/** The blob {@link parseCiphertextBlob} takes apart: the header, then the provider's body. */
export function ciphertextBlob(header: Uint8Array, body: Uint8Array): Uint8Array {
  return concatBytes([header, body]);
}

function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

function uint32(n: number): Uint8Array {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, n);
  return bytes;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

function fromHex(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++)
    bytes[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
