import { createCipheriv, createDecipheriv, type KeyObject } from "node:crypto";
import { ownBuffer } from "./ownBuffer.js";
import { fillRandomIv } from "./randomIvs.js";

const ivBytes = 12;
const tagBytes = 16;

/** The fewest bytes an {@link aesGcmEncrypt} output has: IV and tag around no ciphertext. */
export const aesGcmOverheadBytes = ivBytes + tagBytes;

/**
 * AES-256-GCM with a random 96-bit IV, `additionalData` authenticated but not encrypted.
 * Layout: IV ‖ ciphertext ‖ tag, written into one buffer of its own.
 */
export function aesGcmEncrypt(
  key: Uint8Array | KeyObject,
  plaintext: Uint8Array,
  additionalData: Uint8Array,
): Buffer {
  const out = Buffer.from(new ArrayBuffer(aesGcmOverheadBytes + plaintext.byteLength));
  const iv = out.subarray(0, ivBytes);
  fillRandomIv(iv);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(additionalData);
  // GCM is a stream mode: update answers every byte and final none.
  const body = cipher.update(plaintext);
  out.set(body, ivBytes);
  out.set(cipher.final(), ivBytes + body.byteLength);
  out.set(cipher.getAuthTag(), out.byteLength - tagBytes);
  return out;
}

/**
 * Opens what {@link aesGcmEncrypt} produced under the same key and `additionalData`;
 * `undefined` for anything else (wrong key or data, any changed bit, too short). The plaintext
 * has memory of its own, never shared with other data.
 */
export function aesGcmDecrypt(
  key: Uint8Array | KeyObject,
  sealed: Uint8Array,
  additionalData: Uint8Array,
): Buffer | undefined {
  if (sealed.byteLength < aesGcmOverheadBytes) return undefined;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, sealed.subarray(0, ivBytes));
    decipher.setAAD(additionalData);
    decipher.setAuthTag(sealed.subarray(sealed.byteLength - tagBytes));
    const body = decipher.update(sealed.subarray(ivBytes, sealed.byteLength - tagBytes));
    const rest = decipher.final(); // checks the tag; GCM, a stream mode, has no bytes left here
    if (rest.byteLength === 0 && ownsItsMemory(body)) return body;
    const plaintext = ownBuffer([body, rest]);
    body.fill(0);
    return plaintext;
  } catch {
    return undefined;
  }
}

/** Whether `bytes` is the whole of its `ArrayBuffer`, as Node's cipher output is. */
function ownsItsMemory(bytes: Buffer): boolean {
  return bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.byteLength;
}
