import { errAsync, okAsync } from "neverthrow";
import { kmsError } from "../../domain/kmsError.js";
import {
  type VerifyMacRequest,
  type VerifyMacResponse,
  validateVerifyMacRequest,
} from "../../domain/requests/verifyMac.js";
import { requireKeyAlgorithm } from "../../domain/requireKeyAlgorithm.js";
import { requireKeyUsage } from "../../domain/requireKeyUsage.js";
import type { OperationHandler } from "../operationDescriptor.js";
import { resolveKey } from "../resolveKey.js";
import type { ServiceDeps } from "../serviceDeps.js";
import { unlessDryRun } from "../unlessDryRun.js";
import { useEnabledKey } from "../useEnabledKey.js";

/**
 * VerifyMac: whether a MAC is the HMAC of the message under the key, compared in constant time;
 * an invalid MAC is `KMSInvalidMacException`, as in AWS (docs/decisions/0031-hmac-and-asymmetric-import.md).
 */
export function verifyMac(
  deps: ServiceDeps,
): OperationHandler<VerifyMacRequest, VerifyMacResponse> {
  return (input) => {
    const now = deps.clock.now();
    return validateVerifyMacRequest(input, { scope: deps.scope, now }).asyncAndThen((request) =>
      resolveKey(deps, request.key, now)
        .andThen((arn) => useEnabledKey(deps, arn, now))
        .andThen((key) =>
          requireKeyUsage(key, "VerifyMac")
            .andThen(() => requireKeyAlgorithm(key, "mac", request.macAlgorithm))
            .map((algorithm) => ({ key, algorithm })),
        )
        .andThen(({ key, algorithm }) =>
          deps.crypto
            .verifyMac(key.material.sealed, request.message, request.mac, algorithm)
            .andThen((valid) =>
              valid
                ? okAsync(key)
                : errAsync(
                    kmsError(
                      "KMSInvalidMacException",
                      `The MAC is not the ${algorithm} of this message under ${key.arn}.`,
                    ),
                  ),
            )
            .andThen(() =>
              unlessDryRun(request.dryRun, {
                KeyId: key.arn,
                MacValid: true as const,
                MacAlgorithm: algorithm,
              }),
            ),
        ),
    );
  };
}
