import {
  type GenerateMacRequest,
  type GenerateMacResponse,
  validateGenerateMacRequest,
} from "../../domain/requests/generateMac.js";
import { requireKeyAlgorithm } from "../../domain/requireKeyAlgorithm.js";
import { requireKeyUsage } from "../../domain/requireKeyUsage.js";
import type { OperationHandler } from "../operationDescriptor.js";
import { resolveKey } from "../resolveKey.js";
import type { ServiceDeps } from "../serviceDeps.js";
import { unlessDryRun } from "../unlessDryRun.js";
import { useEnabledKey } from "../useEnabledKey.js";

/** GenerateMac: the HMAC of a message under an `Enabled` HMAC key's imported material (docs/decisions/0031-hmac-and-asymmetric-import.md). */
export function generateMac(
  deps: ServiceDeps,
): OperationHandler<GenerateMacRequest, GenerateMacResponse> {
  return (input) => {
    const now = deps.clock.now();
    return validateGenerateMacRequest(input, { scope: deps.scope, now }).asyncAndThen((request) =>
      resolveKey(deps, request.key, now)
        .andThen((arn) => useEnabledKey(deps, arn, now))
        .andThen((key) =>
          requireKeyUsage(key, "GenerateMac")
            .andThen(() => requireKeyAlgorithm(key, "mac", request.macAlgorithm))
            .map((algorithm) => ({ key, algorithm })),
        )
        .andThen(({ key, algorithm }) =>
          deps.crypto
            .generateMac(key.material.sealed, request.message, algorithm)
            .andThen((Mac) =>
              unlessDryRun(request.dryRun, { Mac, MacAlgorithm: algorithm, KeyId: key.arn }),
            ),
        ),
    );
  };
}
