import { err, ok, type Result, ResultAsync } from "neverthrow";
import type { KmsError } from "../../domain/kmsError.js";
import type { DecryptRequest, DecryptResponse } from "../../domain/requests/decrypt.js";
import { validateDecryptRequest } from "../../domain/requests/decrypt.js";
import { openCiphertext } from "../decryptCiphertext.js";
import type { OperationHandler } from "../operationDescriptor.js";
import type { ServiceDeps } from "../serviceDeps.js";
import { dryRunRefusal } from "../unlessDryRun.js";

/**
 * Decrypt: a symmetric key's ciphertext names its key and material, so `KeyId` is optional; when
 * given (a key or an alias of it), it must name that key. An RSA key's ciphertext names nothing,
 * so `KeyId` and `EncryptionAlgorithm` are required for it (docs/decisions/0031-hmac-and-asymmetric-import.md).
 */
export function decrypt(deps: ServiceDeps): OperationHandler<DecryptRequest, DecryptResponse> {
  return (input) => new ResultAsync(decryptRequest(deps, input));
}

/** The steps of Decrypt awaited in turn: a hot path, so no chain of promises. */
async function decryptRequest(
  deps: ServiceDeps,
  input: unknown,
): Promise<Result<DecryptResponse, KmsError>> {
  const now = deps.clock.now();
  const { behaviour } = deps;
  const validated = validateDecryptRequest(input, { scope: deps.scope, now }, { behaviour });
  if (validated.isErr()) return err(validated.error);
  const decrypted = await openCiphertext(deps, validated.value, now);
  if (decrypted.isErr()) return err(decrypted.error);
  if (validated.value.dryRun) return err(dryRunRefusal());
  const { key, plaintext, algorithm, materialId } = decrypted.value;
  return ok({
    KeyId: key.arn,
    Plaintext: plaintext,
    EncryptionAlgorithm: algorithm,
    ...(materialId === undefined ? {} : { KeyMaterialId: materialId }),
  });
}
