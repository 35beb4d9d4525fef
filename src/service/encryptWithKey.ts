import { errAsync, ok, type ResultAsync } from "neverthrow";
import type { EncryptionAlgorithm } from "../domain/keyAlgorithms.js";
import type { KeyMaterialId } from "../domain/keyMaterialId.js";
import type { KmsError } from "../domain/kmsError.js";
import type {
  EncryptionAlgorithmSpec,
  EncryptionContext,
} from "../domain/requests/dataPlaneRules.js";
import type { EnabledKey } from "../domain/requireEnabledKey.js";
import { requireKeyAlgorithm } from "../domain/requireKeyAlgorithm.js";
import { requireKeyUsage } from "../domain/requireKeyUsage.js";
import { requirePublicKey } from "../domain/requirePublicKey.js";
import { requireRsaPlaintext } from "../domain/requireRsaPlaintext.js";
import type { CryptoProvider } from "../ports/cryptoProvider.js";
import { encryptUnderKey } from "./encryptUnderKey.js";
import { thenResult } from "./thenResult.js";

/** A ciphertext {@link encryptWithKey} made, with its algorithm and, for a symmetric key, its material. */
export interface KeyCiphertext {
  readonly ciphertextBlob: Uint8Array;
  readonly algorithm: EncryptionAlgorithm;
  /** The material a symmetric key encrypted under; RSA keys have one material and no ID. */
  readonly materialId?: KeyMaterialId;
}

/**
 * The encrypt half of Encrypt and ReEncrypt: `SYMMETRIC_DEFAULT` (the default) under a symmetric
 * key's current material, or RSAES-OAEP under an RSA encryption key's public key
 * (docs/decisions/0031-hmac-and-asymmetric-import.md).
 *
 * Errors: `InvalidKeyUsageException` for a key that does not encrypt or an algorithm it does not
 * offer; the `ValidationException`s of {@link requireRsaPlaintext}.
 */
export function encryptWithKey(
  crypto: CryptoProvider,
  key: EnabledKey,
  operation: "Encrypt" | "ReEncrypt",
  requested: EncryptionAlgorithmSpec | undefined,
  plaintext: Uint8Array,
  context: EncryptionContext,
): ResultAsync<KeyCiphertext, KmsError> {
  const algorithm = requireKeyUsage(key, operation).andThen((usable) =>
    requireKeyAlgorithm(usable, "encryption", requested ?? "SYMMETRIC_DEFAULT"),
  );
  if (algorithm.isErr()) return errAsync(algorithm.error);
  const chosen = algorithm.value;
  if (chosen === "SYMMETRIC_DEFAULT") {
    return thenResult(encryptUnderKey(crypto, key, plaintext, context), (ciphertextBlob) =>
      ok({ ciphertextBlob, algorithm: chosen, materialId: key.material.id }),
    );
  }
  return requireRsaPlaintext(key, chosen, plaintext, context)
    .andThen(() => requirePublicKey(key, operation))
    .asyncAndThen((publicKey) => crypto.encryptAsymmetric(publicKey, plaintext, chosen))
    .map((ciphertextBlob) => ({ ciphertextBlob, algorithm: chosen }));
}
