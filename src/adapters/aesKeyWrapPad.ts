import { createCipheriv, createDecipheriv } from "node:crypto";
import { aesKeyWrapInitialValue } from "../domain/wrappingTable.js";
import { ownBuffer } from "./ownBuffer.js";

const initialValue = Buffer.from(aesKeyWrapInitialValue, "hex");

/** The OpenSSL name of AES key wrap with padding for a key-encryption key of this length. */
function cipherName(kek: Uint8Array): string {
  if (![16, 24, 32].includes(kek.byteLength)) {
    throw new TypeError("An AES key-encryption key has 16, 24 or 32 bytes.");
  }
  return `id-aes${kek.byteLength * 8}-wrap-pad`;
}

/**
 * RFC 5649 AES key wrap *with padding* (KWP, alternative IV `A65959A6`) of 1 or more bytes
 * under a 128-, 192- or 256-bit key-encryption key. Throws `TypeError` for another KEK length
 * or empty input, which RFC 5649 cannot wrap.
 */
export function aesKeyWrapPad(kek: Uint8Array, plaintext: Uint8Array): Buffer {
  if (plaintext.byteLength === 0) throw new TypeError("RFC 5649 wraps at least one byte.");
  const cipher = createCipheriv(cipherName(kek), kek, initialValue);
  return Buffer.concat([cipher.update(plaintext), cipher.final()]);
}

/**
 * Reverses {@link aesKeyWrapPad}; `undefined` when `wrapped` fails the RFC 5649 integrity check
 * (another KEK, any changed bit, an RFC 3394 wrap, a length that is not 16 + 8·n bytes).
 * Throws `TypeError` for a KEK that is not 16, 24 or 32 bytes.
 */
export function aesKeyUnwrapPad(kek: Uint8Array, wrapped: Uint8Array): Buffer | undefined {
  const name = cipherName(kek);
  try {
    const decipher = createDecipheriv(name, kek, initialValue);
    const head = decipher.update(wrapped);
    const plaintext = ownBuffer([head, decipher.final()]);
    head.fill(0);
    return plaintext.length === 0 ? undefined : plaintext;
  } catch {
    return undefined;
  }
}
