import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { err, ok, type Result } from "neverthrow";
import { type KmsError, kmsError } from "../domain/kmsError.js";

/** Seals and opens secrets under one root key (D11). */
export interface Sealer {
  seal(plaintext: Uint8Array, purpose: string): Uint8Array;
  open(sealed: Uint8Array, purpose: string): Result<Buffer, KmsError>;
}

const formatVersion = 1;
const ivBytes = 12;
const tagBytes = 16;

/**
 * AES-256-GCM under `rootKey` with a random 96-bit IV; `purpose` is bound as authenticated data,
 * so a secret sealed for one purpose never opens as another. Layout: version (1 byte) ‖ IV ‖
 * ciphertext ‖ tag.
 */
export function aesGcmSealer(rootKey: Uint8Array): Sealer {
  if (rootKey.byteLength !== 32)
    throw new TypeError("The root key must be exactly 32 bytes (AES-256).");
  const key = Buffer.from(rootKey);
  return {
    seal(plaintext, purpose) {
      const iv = randomBytes(ivBytes);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      cipher.setAAD(Buffer.from(purpose, "utf8"));
      const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
      return Buffer.concat([Buffer.of(formatVersion), iv, body, cipher.getAuthTag()]);
    },
    open(sealed, purpose) {
      const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
      if (bytes.length < 1 + ivBytes + tagBytes || bytes[0] !== formatVersion)
        return notSealedHere();
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(1, 1 + ivBytes));
        decipher.setAAD(Buffer.from(purpose, "utf8"));
        decipher.setAuthTag(bytes.subarray(bytes.length - tagBytes));
        return ok(
          Buffer.concat([
            decipher.update(bytes.subarray(1 + ivBytes, bytes.length - tagBytes)),
            decipher.final(),
          ]),
        );
      } catch {
        return notSealedHere();
      }
    },
  };
}

function notSealedHere(): Result<never, KmsError> {
  return err(
    kmsError(
      "InvalidCiphertextException",
      "The data was not sealed by this crypto provider's root key.",
    ),
  );
}
