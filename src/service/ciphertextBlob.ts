import { err, ok, type Result } from "neverthrow";
import type { KeyId } from "../domain/keyId.js";
import type { KeyMaterialId } from "../domain/keyMaterialId.js";
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
  const uuid = toHex(blob, 1, 1 + keyIdBytes);
  // Hex digits in the UUID's grouping are a key ID, and 64 hex digits a key material ID.
  const keyId =
    `${uuid.slice(0, 8)}-${uuid.slice(8, 12)}-${uuid.slice(12, 16)}-${uuid.slice(16, 20)}-${uuid.slice(20)}` as KeyId;
  const keyMaterialId = toHex(blob, 1 + keyIdBytes, headerBytes) as KeyMaterialId;
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
  const pairs: (readonly [Uint8Array, Uint8Array])[] = [];
  let length = header.byteLength + 4;
  for (const key in context) {
    const pair = [utf8Bytes(key), utf8Bytes(context[key] ?? "")] as const;
    pairs.push(pair);
    length += 8 + pair[0].byteLength + pair[1].byteLength;
  }
  if (pairs.length > 1) pairs.sort(([a], [b]) => compareBytes(a, b));
  const out = new Uint8Array(length);
  const view = new DataView(out.buffer);
  out.set(header);
  view.setUint32(header.byteLength, pairs.length);
  let offset = header.byteLength + 4;
  const put = (part: Uint8Array) => {
    view.setUint32(offset, part.byteLength);
    out.set(part, offset + 4);
    offset += 4 + part.byteLength;
  };
  for (const [key, value] of pairs) {
    put(key);
    put(value);
  }
  return out;
}

/** The blob {@link parseCiphertextBlob} takes apart: the header, then the provider's body. */
export function ciphertextBlob(header: Uint8Array, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(header.byteLength + body.byteLength);
  out.set(header);
  out.set(body, header.byteLength);
  return out;
}

const utf8 = new TextEncoder();

/** The UTF-8 bytes of `text`: ASCII copied by hand, which is quicker for short strings. */
function utf8Bytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x7f) return utf8.encode(text);
    bytes[i] = code;
  }
  return bytes;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

const hexDigits = "0123456789abcdef";
const byteToHex = Array.from(
  { length: 256 },
  (_, byte) => `${hexDigits[byte >> 4]}${hexDigits[byte & 15]}`,
);

/** `hex` (lowercase hex digits, as key IDs and key material IDs have them) as bytes. */
function fromHex(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++)
    bytes[i] = (nibble(hex.charCodeAt(2 * i)) << 4) | nibble(hex.charCodeAt(2 * i + 1));
  return bytes;
}

function nibble(code: number): number {
  return code <= 57 ? code - 48 : code - 87;
}

/** Lowercase hex of `bytes[start, end)`. */
function toHex(bytes: Uint8Array, start: number, end: number): string {
  let hex = "";
  for (let i = start; i < end; i++) hex += byteToHex[bytes[i] ?? 0];
  return hex;
}
