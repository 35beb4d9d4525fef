import { err, ok } from "neverthrow";
import type { DecryptRequest, DecryptResponse } from "../../domain/requests/decrypt.js";
import { validateDecryptRequest } from "../../domain/requests/decrypt.js";
import { decryptCiphertext } from "../decryptCiphertext.js";
import type { OperationHandler } from "../operationDescriptor.js";
import type { ServiceDeps } from "../serviceDeps.js";
import { thenResult } from "../thenResult.js";
import { dryRunRefusal } from "../unlessDryRun.js";

/**
 * Decrypt: a symmetric key's ciphertext names its key and material, so `KeyId` is optional; when
 * given (a key or an alias of it), it must name that key. An RSA key's ciphertext names nothing,
 * so `KeyId` and `EncryptionAlgorithm` are required for it (docs/decisions/0031-hmac-and-asymmetric-import.md).
 */
export function decrypt(deps: ServiceDeps): OperationHandler<DecryptRequest, DecryptResponse> {
  return (input) => {
    const now = deps.clock.now();
    const { behaviour } = deps;
    return validateDecryptRequest(input, { scope: deps.scope, now }, { behaviour }).asyncAndThen(
      (request) =>
        thenResult(decryptCiphertext(deps, request, now), (decrypted) =>
          request.dryRun
            ? err(dryRunRefusal())
            : ok({
                KeyId: decrypted.key.arn,
                Plaintext: decrypted.plaintext,
                EncryptionAlgorithm: decrypted.algorithm,
                ...(decrypted.materialId === undefined
                  ? {}
                  : { KeyMaterialId: decrypted.materialId }),
              }),
        ),
    );
  };
}
