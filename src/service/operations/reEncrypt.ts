import {
  type ReEncryptRequest,
  type ReEncryptResponse,
  validateReEncryptRequest,
} from "../../domain/requests/reEncrypt.js";
import { decryptCiphertext } from "../decryptCiphertext.js";
import { encryptWithKey } from "../encryptWithKey.js";
import type { OperationHandler } from "../operationDescriptor.js";
import { resolveKey } from "../resolveKey.js";
import type { ServiceDeps } from "../serviceDeps.js";
import { unlessDryRun } from "../unlessDryRun.js";
import { useEnabledKey } from "../useEnabledKey.js";

/**
 * ReEncrypt: decrypts as Decrypt does (with `SourceKeyId` and `SourceEncryptionContext`), then
 * encrypts the plaintext under the destination key with `DestinationEncryptionContext`, within
 * kms-byok: the plaintext never leaves it. Both keys must be `Enabled`; either may be named by
 * alias, and they may be the same key (docs/decisions/0028-re-encrypt.md). In the `current` profile either may be an RSA
 * encryption key, with its `…EncryptionAlgorithm` (docs/decisions/0031-hmac-and-asymmetric-import.md).
 */
export function reEncrypt(
  deps: ServiceDeps,
): OperationHandler<ReEncryptRequest, ReEncryptResponse> {
  return (input) => {
    const now = deps.clock.now();
    const { behaviour } = deps;
    return validateReEncryptRequest(input, { scope: deps.scope, now }, { behaviour }).asyncAndThen(
      (request) =>
        // Both references resolve before the ciphertext is read, as Decrypt's does.
        resolveKey(deps, request.destination, now).andThen((destinationArn) =>
          decryptCiphertext(
            deps,
            {
              ciphertextBlob: request.ciphertextBlob,
              encryptionContext: request.sourceEncryptionContext,
              key: request.source,
              asymmetricAlgorithm: request.sourceAlgorithm,
            },
            now,
          ).andThen((source) =>
            useEnabledKey(deps, destinationArn, now)
              .andThen((destination) =>
                encryptWithKey(
                  deps.crypto,
                  destination,
                  "ReEncrypt",
                  request.destinationAlgorithm,
                  source.plaintext,
                  request.destinationEncryptionContext,
                ).andThen((encrypted) =>
                  unlessDryRun(request.dryRun, {
                    CiphertextBlob: encrypted.ciphertextBlob,
                    SourceKeyId: source.key.arn,
                    KeyId: destination.arn,
                    SourceEncryptionAlgorithm: source.algorithm,
                    DestinationEncryptionAlgorithm: encrypted.algorithm,
                    ...(source.materialId === undefined
                      ? {}
                      : { SourceKeyMaterialId: source.materialId }),
                    ...(encrypted.materialId === undefined
                      ? {}
                      : { DestinationKeyMaterialId: encrypted.materialId }),
                  }),
                ),
              )
              .map((response) => {
                source.plaintext.fill(0);
                return response;
              })
              .mapErr((error) => {
                source.plaintext.fill(0);
                return error;
              }),
          ),
        ),
    );
  };
}
