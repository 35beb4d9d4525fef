import { ok, type ResultAsync } from "neverthrow";
import type { KmsError } from "../domain/kmsError.js";
import type { EncryptionContext } from "../domain/requests/dataPlaneRules.js";
import type { EnabledKey } from "../domain/requireEnabledKey.js";
import type { CryptoProvider } from "../ports/cryptoProvider.js";
import { ciphertextAdditionalData, ciphertextBlob, ciphertextHeader } from "./ciphertextBlob.js";
import { thenResult } from "./thenResult.js";

/** Encrypts `plaintext` under the key's material: a ciphertext blob that names key and material. */
export function encryptUnderKey(
  crypto: CryptoProvider,
  key: EnabledKey,
  plaintext: Uint8Array,
  context: EncryptionContext,
): ResultAsync<Uint8Array, KmsError> {
  const header = ciphertextHeader(key.keyId, key.material.id);
  return thenResult(
    crypto.encrypt(key.material.sealed, plaintext, ciphertextAdditionalData(header, context)),
    (body) => ok(ciphertextBlob(header, body)),
  );
}
