import {
  type GenerateDataKeyRequest,
  type GenerateDataKeyResponse,
  type GenerateDataKeyWithoutPlaintextRequest,
  type GenerateDataKeyWithoutPlaintextResponse,
  validateGenerateDataKeyRequest,
} from "../../domain/requests/generateDataKey.js";
import { requireKeyUsage } from "../../domain/requireKeyUsage.js";
import { encryptUnderKey } from "../encryptUnderKey.js";
import type { OperationHandler } from "../operationDescriptor.js";
import { resolveKey } from "../resolveKey.js";
import type { ServiceDeps } from "../serviceDeps.js";
import { unlessDryRun } from "../unlessDryRun.js";
import { useEnabledKey } from "../useEnabledKey.js";

/** Fresh random bytes, encrypted as Encrypt would encrypt them, and the bytes themselves. */
function dataKey(
  deps: ServiceDeps,
  input: unknown,
  operation: "GenerateDataKey" | "GenerateDataKeyWithoutPlaintext",
) {
  const now = deps.clock.now();
  return validateGenerateDataKeyRequest(input, { scope: deps.scope, now }, operation).asyncAndThen(
    (request) =>
      resolveKey(deps, request.key, now)
        .andThen((arn) => useEnabledKey(deps, arn, now))
        .andThen((key) => requireKeyUsage(key, operation))
        .andThen((key) =>
          deps.crypto.randomBytes(request.numberOfBytes).andThen((Plaintext) =>
            encryptUnderKey(deps.crypto, key, Plaintext, request.encryptionContext).andThen(
              (CiphertextBlob) =>
                unlessDryRun(request.dryRun, {
                  CiphertextBlob,
                  Plaintext,
                  KeyId: key.arn,
                  KeyMaterialId: key.material.id,
                }),
            ),
          ),
        ),
  );
}

/** GenerateDataKey: a fresh data key, in plaintext and encrypted under an `Enabled` key. */
export function generateDataKey(
  deps: ServiceDeps,
): OperationHandler<GenerateDataKeyRequest, GenerateDataKeyResponse> {
  return (input) => dataKey(deps, input, "GenerateDataKey");
}

/** GenerateDataKeyWithoutPlaintext: a fresh data key, returned only encrypted. */
export function generateDataKeyWithoutPlaintext(
  deps: ServiceDeps,
): OperationHandler<
  GenerateDataKeyWithoutPlaintextRequest,
  GenerateDataKeyWithoutPlaintextResponse
> {
  return (input) =>
    dataKey(deps, input, "GenerateDataKeyWithoutPlaintext").map(({ Plaintext, ...rest }) => {
      Plaintext.fill(0); // nobody may see this data key in plaintext, so none is kept
      return rest;
    });
}
