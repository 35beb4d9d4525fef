import { validateGenerateDataKeyRequest } from "../../domain/requests/generateDataKey.js";
import { encryptUnderKey } from "../encryptUnderKey.js";
import type { Kms } from "../kms.js";
import type { ServiceDeps } from "../serviceDeps.js";
import { unlessDryRun } from "../unlessDryRun.js";
import { useEnabledKey } from "../useEnabledKey.js";

/**
 * GenerateDataKey and GenerateDataKeyWithoutPlaintext: fresh random bytes, encrypted as Encrypt
 * would encrypt them; only GenerateDataKey returns the bytes themselves.
 */
export function generateDataKey(
  deps: ServiceDeps,
): Pick<Kms, "generateDataKey" | "generateDataKeyWithoutPlaintext"> {
  const run = (
    input: unknown,
    operation: "GenerateDataKey" | "GenerateDataKeyWithoutPlaintext",
  ) => {
    const now = deps.clock.now();
    return validateGenerateDataKeyRequest(
      input,
      { scope: deps.scope, now },
      operation,
    ).asyncAndThen((request) =>
      useEnabledKey(deps, request.arn, now).andThen((key) =>
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
  };
  return {
    generateDataKey: (input) => run(input, "GenerateDataKey"),
    generateDataKeyWithoutPlaintext: (input) =>
      run(input, "GenerateDataKeyWithoutPlaintext").map(({ Plaintext, ...rest }) => {
        Plaintext.fill(0); // nobody may see this data key in plaintext, so none is kept
        return rest;
      }),
  };
}
