import {
  type ReEncryptRequest,
  type ReEncryptResponse,
  validateReEncryptRequest,
} from "../../domain/requests/reEncrypt.js";
import { decryptCiphertext } from "../decryptCiphertext.js";
import { encryptUnderKey } from "../encryptUnderKey.js";
import type { OperationHandler } from "../operationDescriptor.js";
import { resolveKey } from "../resolveKey.js";
import type { ServiceDeps } from "../serviceDeps.js";
import { unlessDryRun } from "../unlessDryRun.js";
import { useEnabledKey } from "../useEnabledKey.js";

/**
 * ReEncrypt: decrypts as Decrypt does (with `SourceKeyId` and `SourceEncryptionContext`), then
 * encrypts the plaintext under the destination key with `DestinationEncryptionContext`, within
 * kms-byok: the plaintext never leaves it. Both keys must be `Enabled`; either may be named by
 * alias, and they may be the same key (docs/decisions/0028-re-encrypt.md).
 */
export function reEncrypt(
  deps: ServiceDeps,
): OperationHandler<ReEncryptRequest, ReEncryptResponse> {
  return (input) => {
    const now = deps.clock.now();
    return validateReEncryptRequest(input, { scope: deps.scope, now }).asyncAndThen((request) =>
      // Both references resolve before the ciphertext is read, as Decrypt's does.
      resolveKey(deps, request.destination, now).andThen((destinationArn) =>
        decryptCiphertext(
          deps,
          {
            ciphertextBlob: request.ciphertextBlob,
            encryptionContext: request.sourceEncryptionContext,
            key: request.source,
          },
          now,
        ).andThen((source) =>
          useEnabledKey(deps, destinationArn, now)
            .andThen((destination) =>
              encryptUnderKey(
                deps.crypto,
                destination,
                source.plaintext,
                request.destinationEncryptionContext,
              ).andThen((CiphertextBlob) =>
                unlessDryRun(request.dryRun, {
                  CiphertextBlob,
                  SourceKeyId: source.key.arn,
                  KeyId: destination.arn,
                  SourceEncryptionAlgorithm: "SYMMETRIC_DEFAULT" as const,
                  DestinationEncryptionAlgorithm: "SYMMETRIC_DEFAULT" as const,
                  SourceKeyMaterialId: source.materialId,
                  DestinationKeyMaterialId: destination.material.id,
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
