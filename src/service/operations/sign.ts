import {
  type SignRequest,
  type SignResponse,
  validateSignRequest,
} from "../../domain/requests/sign.js";
import { requireKeyAlgorithm } from "../../domain/requireKeyAlgorithm.js";
import { requireKeyUsage } from "../../domain/requireKeyUsage.js";
import { requireSignableMessage } from "../../domain/requireSignableMessage.js";
import type { OperationHandler } from "../operationDescriptor.js";
import { resolveKey } from "../resolveKey.js";
import type { ServiceDeps } from "../serviceDeps.js";
import { unlessDryRun } from "../unlessDryRun.js";
import { useEnabledKey } from "../useEnabledKey.js";

/**
 * Sign: a signature with the imported private key of an `Enabled` signing key, by one of the
 * algorithms it offers, over the message or a digest of it (docs/decisions/0031-hmac-and-asymmetric-import.md).
 */
export function sign(deps: ServiceDeps): OperationHandler<SignRequest, SignResponse> {
  return (input) => {
    const now = deps.clock.now();
    return validateSignRequest(input, { scope: deps.scope, now }).asyncAndThen((request) =>
      resolveKey(deps, request.key, now)
        .andThen((arn) => useEnabledKey(deps, arn, now))
        .andThen((key) =>
          requireKeyUsage(key, "Sign")
            .andThen(() => requireKeyAlgorithm(key, "signing", request.signingAlgorithm))
            .andThen((algorithm) =>
              requireSignableMessage(request.messageType, request.message, algorithm).map(
                (messageType) => ({ key, algorithm, messageType }),
              ),
            ),
        )
        .andThen(({ key, algorithm, messageType }) =>
          deps.crypto
            .sign(key.material.sealed, request.message, algorithm, messageType)
            .andThen((Signature) =>
              unlessDryRun(request.dryRun, {
                KeyId: key.arn,
                Signature,
                SigningAlgorithm: algorithm,
              }),
            ),
        ),
    );
  };
}
