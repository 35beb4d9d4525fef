import type { DecryptRequest, DecryptResponse } from "../../domain/requests/decrypt.js";
import { validateDecryptRequest } from "../../domain/requests/decrypt.js";
import { decryptCiphertext } from "../decryptCiphertext.js";
import type { OperationHandler } from "../operationDescriptor.js";
import type { ServiceDeps } from "../serviceDeps.js";
import { unlessDryRun } from "../unlessDryRun.js";

/**
 * Decrypt: the ciphertext names its key and material, so `KeyId` is optional; when given (a key
 * or an alias of it), it must name that key.
 */
export function decrypt(deps: ServiceDeps): OperationHandler<DecryptRequest, DecryptResponse> {
  return (input) => {
    const now = deps.clock.now();
    return validateDecryptRequest(input, { scope: deps.scope, now }).asyncAndThen((request) =>
      decryptCiphertext(deps, request, now).andThen(({ key, materialId, plaintext }) =>
        unlessDryRun(request.dryRun, {
          KeyId: key.arn,
          Plaintext: plaintext,
          EncryptionAlgorithm: "SYMMETRIC_DEFAULT" as const,
          KeyMaterialId: materialId,
        }),
      ),
    );
  };
}
