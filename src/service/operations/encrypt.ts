import type { EncryptRequest, EncryptResponse } from "../../domain/requests/encrypt.js";
import { validateEncryptRequest } from "../../domain/requests/encrypt.js";
import { encryptUnderKey } from "../encryptUnderKey.js";
import type { OperationHandler } from "../operationDescriptor.js";
import { resolveKey } from "../resolveKey.js";
import type { ServiceDeps } from "../serviceDeps.js";
import { unlessDryRun } from "../unlessDryRun.js";
import { useEnabledKey } from "../useEnabledKey.js";

/** Encrypt: AES-256-GCM under the key's material, the encryption context authenticated (docs/decisions/0014-key-state-errors.md). */
export function encrypt(deps: ServiceDeps): OperationHandler<EncryptRequest, EncryptResponse> {
  return (input) => {
    const now = deps.clock.now();
    return validateEncryptRequest(input, { scope: deps.scope, now }).asyncAndThen((request) =>
      resolveKey(deps, request.key, now)
        .andThen((arn) => useEnabledKey(deps, arn, now))
        .andThen((key) =>
          encryptUnderKey(deps.crypto, key, request.plaintext, request.encryptionContext).andThen(
            (CiphertextBlob) =>
              unlessDryRun(request.dryRun, {
                CiphertextBlob,
                KeyId: key.arn,
                EncryptionAlgorithm: "SYMMETRIC_DEFAULT" as const,
              }),
          ),
        ),
    );
  };
}
