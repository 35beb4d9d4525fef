import { errAsync } from "neverthrow";
import { keyArn } from "../../domain/keyArn.js";
import { type KmsError, kmsError } from "../../domain/kmsError.js";
import type { DecryptRequest, DecryptResponse } from "../../domain/requests/decrypt.js";
import { validateDecryptRequest } from "../../domain/requests/decrypt.js";
import { ciphertextAdditionalData, parseCiphertextBlob } from "../ciphertextBlob.js";
import type { OperationHandler } from "../operationDescriptor.js";
import type { ServiceDeps } from "../serviceDeps.js";
import { unlessDryRun } from "../unlessDryRun.js";
import { useEnabledKey } from "../useEnabledKey.js";

/**
 * Decrypt: the ciphertext names its key and material, so `KeyId` is optional; when given, it
 * must name that key. Material reimported after expiry is the same material (docs/decisions/0004-material-bound-forever.md), so earlier
 * ciphertexts decrypt again.
 */
export function decrypt(deps: ServiceDeps): OperationHandler<DecryptRequest, DecryptResponse> {
  return (input) => {
    const now = deps.clock.now();
    return validateDecryptRequest(input, { scope: deps.scope, now })
      .andThen((request) =>
        parseCiphertextBlob(request.ciphertextBlob).map((ciphertext) => ({ request, ciphertext })),
      )
      .asyncAndThen(({ request, ciphertext }) => {
        const arn = keyArn(deps.scope, ciphertext.keyId);
        if (request.arn !== undefined && request.arn !== arn) return errAsync(incorrectKey());
        const additionalData = ciphertextAdditionalData(
          ciphertext.header,
          request.encryptionContext,
        );
        return useEnabledKey(deps, arn, now)
          .mapErr((error) => (request.arn === undefined ? asCiphertextError(error) : error))
          .andThen((key) =>
            deps.crypto
              .decrypt(key.material.sealed, ciphertext.body, additionalData)
              .andThen((Plaintext) =>
                unlessDryRun(request.dryRun, {
                  KeyId: key.arn,
                  Plaintext,
                  EncryptionAlgorithm: "SYMMETRIC_DEFAULT" as const,
                  KeyMaterialId: key.material.id,
                }),
              ),
          );
      });
  };
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
