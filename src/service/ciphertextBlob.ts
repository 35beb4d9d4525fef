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
  // Hex digits in the UUID's grouping are a key ID, and 64 hex digits a key material ID.
  const keyId = uuidOf(blob, 1) as KeyId;
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
  const keys = Object.keys(context);
  if (keys.length > 1) keys.sort(compareUtf8);
  let length = header.byteLength + 4;
  for (const key of keys) length += 8 + utf8Length(key) + utf8Length(context[key] ?? "");
  // Not secret, and needed only for the call: a slice of Node's shared pool, which spares the
  // memory of its own that costs about a microsecond to allocate above 64 bytes.
  const out: Uint8Array = Buffer.allocUnsafe(length);
  out.set(header);
  let offset = putUint32(out, header.byteLength, keys.length);
  for (const key of keys) {
    offset = putString(out, offset, key);
    offset = putString(out, offset, context[key] ?? "");
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

/** The length of `text` in UTF-8 (it has no lone surrogates: validation refuses them). */
function utf8Length(text: string): number {
  let length = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Two bytes for U+0080–U+07FF, three for the rest of the BMP; a surrogate pair (two code
    // units) is four bytes.
    if (code > 0x7f) length += code <= 0x7ff ? 1 : code >= 0xd800 && code <= 0xdfff ? 1 : 2;
  }
  return length;
}

/** Writes `text` length-prefixed at `offset`; returns the offset after it. */
function putString(out: Uint8Array, offset: number, text: string): number {
  const start = offset + 4;
  let end = start;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x7f) {
      // Not ASCII: the encoder writes the whole string, which the length already counted.
      end = start + utf8.encodeInto(text, out.subarray(start)).written;
      break;
    }
    out[end++] = code;
  }
  putUint32(out, offset, end - start);
  return end;
}

/** Writes `value` big-endian at `offset`; returns the offset after it. */
function putUint32(out: Uint8Array, offset: number, value: number): number {
  out[offset] = value >>> 24;
  out[offset + 1] = (value >>> 16) & 0xff;
  out[offset + 2] = (value >>> 8) & 0xff;
  out[offset + 3] = value & 0xff;
  return offset + 4;
}

/**
 * Orders strings as their UTF-8 bytes order, which is code point order. UTF-16 code units
 * order the same except that a surrogate (U+D800–U+DFFF, half of a code point above U+FFFF)
 * sorts below U+E000–U+FFFF, so those two ranges trade places.
 */
function compareUtf8(a: string, b: string): number {
  const shared = Math.min(a.length, b.length);
  for (let i = 0; i < shared; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

function codePointRank(unit: number): number {
  if (unit < 0xd800) return unit;
  return unit >= 0xe000 ? unit - 0x800 : unit + 0x2000;
}

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

const hexDigits = Buffer.from("0123456789abcdef", "latin1");
/** Where the key ID is spelled out: 36 characters, the dashes in place. */
const uuidText = Buffer.from("00000000-0000-0000-0000-000000000000", "latin1");

/**
 * The 16 bytes at `bytes[start]` as a UUID's lowercase text. Written into one buffer and
 * decoded once, the key ID is a flat string: built from five slices of a hex string it was a
 * tree of them, which every use as a `Map` key had to copy out again (about 0.1 µs a Decrypt).
 */
function uuidOf(bytes: Uint8Array, start: number): string {
  let at = 0;
  for (let i = 0; i < keyIdBytes; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) at++;
    const byte = bytes[start + i] as number;
    uuidText[at++] = hexDigits[byte >> 4] as number;
    uuidText[at++] = hexDigits[byte & 15] as number;
  }
  return uuidText.toString("latin1");
}

/** Lowercase hex of `bytes[start, end)`, by Node's native encoder. */
function toHex(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString("hex");
}
