import { errAsync, okAsync } from "neverthrow";
import { kmsError } from "../../domain/kmsError.js";
import {
  type VerifyRequest,
  type VerifyResponse,
  validateVerifyRequest,
} from "../../domain/requests/verify.js";
import { requireKeyAlgorithm } from "../../domain/requireKeyAlgorithm.js";
import { requireKeyUsage } from "../../domain/requireKeyUsage.js";
import { requirePublicKey } from "../../domain/requirePublicKey.js";
import { requireSignableMessage } from "../../domain/requireSignableMessage.js";
import type { OperationHandler } from "../operationDescriptor.js";
import { resolveKey } from "../resolveKey.js";
import type { ServiceDeps } from "../serviceDeps.js";
import { unlessDryRun } from "../unlessDryRun.js";
import { useEnabledKey } from "../useEnabledKey.js";

/**
 * Verify: whether a signature is the key's, with the public key of its imported private key; an
 * invalid signature is `KMSInvalidSignatureException`, as in AWS (docs/decisions/0031-hmac-and-asymmetric-import.md).
 */
export function verify(deps: ServiceDeps): OperationHandler<VerifyRequest, VerifyResponse> {
  return (input) => {
    const now = deps.clock.now();
    return validateVerifyRequest(input, { scope: deps.scope, now }).asyncAndThen((request) =>
      resolveKey(deps, request.key, now)
        .andThen((arn) => useEnabledKey(deps, arn, now))
        .andThen((key) =>
          requireKeyUsage(key, "Verify")
            .andThen(() => requireKeyAlgorithm(key, "signing", request.signingAlgorithm))
            .andThen((algorithm) =>
              requireSignableMessage(request.messageType, request.message, algorithm).andThen(
                (messageType) =>
                  requirePublicKey(key, "Verify").map((publicKey) => ({
                    key,
                    algorithm,
                    messageType,
                    publicKey,
                  })),
              ),
            ),
        )
        .andThen(({ key, algorithm, messageType, publicKey }) =>
          deps.crypto
            .verify(publicKey, request.message, request.signature, algorithm, messageType)
            .andThen((valid) =>
              valid
                ? okAsync(key)
                : errAsync(
                    kmsError(
                      "KMSInvalidSignatureException",
                      `The signature is not ${algorithm}'s signature of this message under ${key.arn}.`,
                    ),
                  ),
            )
            .andThen(() =>
              unlessDryRun(request.dryRun, {
                KeyId: key.arn,
                SignatureValid: true as const,
                SigningAlgorithm: algorithm,
              }),
            ),
        ),
    );
  };
}
