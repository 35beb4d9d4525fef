import { createSecretKey } from "node:crypto";
import { err, ok, type Result } from "neverthrow";
import { type KmsError, kmsError } from "../domain/kmsError.js";
import { aesGcmDecrypt, aesGcmEncrypt } from "./aesGcm.js";
import { ownBuffer } from "./ownBuffer.js";

/** Seals and opens secrets under one root key (docs/decisions/0011-nothing-secret-reaches-the-store.md). */
export interface Sealer {
  seal(plaintext: Uint8Array, purpose: string): Uint8Array;
  open(sealed: Uint8Array, purpose: string): Result<Buffer, KmsError>;
}

const formatVersion = 1;

/**
 * AES-256-GCM under `rootKey` with a random 96-bit IV; `purpose` is bound as authenticated data,
 * so a secret sealed for one purpose never opens as another. Layout: version (1 byte) ‖ IV ‖
 * ciphertext ‖ tag.
 */
export function aesGcmSealer(rootKey: Uint8Array): Sealer {
  if (rootKey.byteLength !== 32)
    throw new TypeError("The root key must be exactly 32 bytes (AES-256).");
  // A KeyObject holds the key in memory of its own, never in Node's shared Buffer pool.
  const key = createSecretKey(rootKey);
  return {
    seal(plaintext, purpose) {
      return ownBuffer([
        Buffer.of(formatVersion),
        aesGcmEncrypt(key, plaintext, Buffer.from(purpose, "utf8")),
      ]);
    },
    open(sealed, purpose) {
      const opened =
        sealed[0] === formatVersion
          ? aesGcmDecrypt(key, sealed.subarray(1), Buffer.from(purpose, "utf8"))
          : undefined;
      return opened === undefined
        ? err(
            kmsError(
              "InvalidCiphertextException",
              "The data was not sealed by this crypto provider's root key.",
            ),
          )
        : ok(opened);
    },
  };
}
