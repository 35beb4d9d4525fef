import { errAsync, okAsync, type ResultAsync } from "neverthrow";
import { type KeyArn, keyArn } from "../domain/keyArn.js";
import type { KeyMaterialId } from "../domain/keyMaterialId.js";
import { importedMaterial } from "../domain/keyMaterials.js";
import { type KmsError, kmsError } from "../domain/kmsError.js";
import type { EncryptionContext } from "../domain/requests/dataPlaneRules.js";
import type { EnabledKey } from "../domain/requireEnabledKey.js";
import type { KeyReference } from "../domain/resolveKeyReference.js";
import { ciphertextAdditionalData, parseCiphertextBlob } from "./ciphertextBlob.js";
import { resolveKey } from "./resolveKey.js";
import type { ServiceDeps } from "./serviceDeps.js";
import { useEnabledKey } from "./useEnabledKey.js";

/** What {@link decryptCiphertext} needs: the ciphertext, its context, and the key named, if any. */
export interface CiphertextToDecrypt {
  readonly ciphertextBlob: Uint8Array;
  readonly encryptionContext: EncryptionContext;
  /** The key (or alias) the caller names; the ciphertext must be of that key. */
  readonly key: KeyReference | undefined;
}

/**
 * The decrypt half of Decrypt and ReEncrypt: resolves the key the caller names, reads the key
 * the ciphertext names, checks they agree and that the key is `Enabled`, and decrypts with the
 * encryption context authenticated. Material reimported after expiry is the same material
 * (docs/decisions/0004-material-bound-forever.md), so earlier ciphertexts decrypt again.
 *
 * Errors: the key reference and state errors; `IncorrectKeyException` when the named key is
 * not the ciphertext's; `InvalidCiphertextException` for a ciphertext that does not parse or
 * authenticate, or names a missing key while the caller named none.
 */
export function decryptCiphertext(
  deps: ServiceDeps,
  request: CiphertextToDecrypt,
  now: Date,
): ResultAsync<
  { readonly key: EnabledKey; readonly materialId: KeyMaterialId; readonly plaintext: Uint8Array },
  KmsError
> {
  return namedKey(deps, request.key, now)
    .andThen((named) =>
      parseCiphertextBlob(request.ciphertextBlob).asyncAndThen((ciphertext) => {
        const arn = keyArn(deps.scope, ciphertext.keyId);
        if (named !== undefined && named !== arn) return errAsync(incorrectKey());
        return useEnabledKey(deps, arn, now)
          .mapErr((error) => (named === undefined ? asCiphertextError(error) : error))
          .map((key) => ({ key, ciphertext }));
      }),
    )
    .andThen(({ key, ciphertext }) => {
      const material = importedMaterial(key, ciphertext.keyMaterialId);
      if (material === undefined) return errAsync(unknownMaterial());
      return deps.crypto
        .decrypt(
          material.sealed,
          ciphertext.body,
          ciphertextAdditionalData(ciphertext.header, request.encryptionContext),
        )
        .map((plaintext) => ({ key, materialId: material.id, plaintext }));
    });
}

function namedKey(
  deps: ServiceDeps,
  reference: KeyReference | undefined,
  now: Date,
): ResultAsync<KeyArn | undefined, KmsError> {
  return reference === undefined ? okAsync(undefined) : resolveKey(deps, reference, now);
}

function unknownMaterial(): KmsError {
  return kmsError(
    "InvalidCiphertextException",
    "The ciphertext names a key material its key does not hold.",
  );
}

function incorrectKey(): KmsError {
  return kmsError(
    "IncorrectKeyException",
    "The key ID in the request does not identify a CMK that can perform this operation.",
  );
}

/** A ciphertext naming a key that does not exist is a bad ciphertext (the caller named no key). */
function asCiphertextError(error: KmsError): KmsError {
  return error.name === "NotFoundException"
    ? kmsError(
        "InvalidCiphertextException",
        "The ciphertext refers to a key that does not exist in this account and Region.",
      )
    : error;
}
