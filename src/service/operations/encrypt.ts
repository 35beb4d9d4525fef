import type { EncryptRequest, EncryptResponse } from "../../domain/requests/encrypt.js";
import { validateEncryptRequest } from "../../domain/requests/encrypt.js";
import { encryptWithKey } from "../encryptWithKey.js";
import type { OperationHandler } from "../operationDescriptor.js";
import { resolveKey } from "../resolveKey.js";
import type { ServiceDeps } from "../serviceDeps.js";
import { unlessDryRun } from "../unlessDryRun.js";
import { useEnabledKey } from "../useEnabledKey.js";

/**
 * Encrypt: AES-256-GCM under a symmetric key's material, the encryption context authenticated
 * (docs/decisions/0014-key-state-errors.md), or RSAES-OAEP under an RSA encryption key (docs/decisions/0031-hmac-and-asymmetric-import.md).
 */
export function encrypt(deps: ServiceDeps): OperationHandler<EncryptRequest, EncryptResponse> {
  return (input) => {
    const now = deps.clock.now();
    const { behaviour } = deps;
    return validateEncryptRequest(input, { scope: deps.scope, now }, { behaviour }).asyncAndThen(
      (request) =>
        resolveKey(deps, request.key, now)
          .andThen((arn) => useEnabledKey(deps, arn, now))
          .andThen((key) =>
            encryptWithKey(
              deps.crypto,
              key,
              "Encrypt",
              request.asymmetricAlgorithm,
              request.plaintext,
              request.encryptionContext,
            ).andThen(({ ciphertextBlob, algorithm }) =>
              unlessDryRun(request.dryRun, {
                CiphertextBlob: ciphertextBlob,
                KeyId: key.arn,
                EncryptionAlgorithm: algorithm,
              }),
            ),
          ),
    );
  };
}
