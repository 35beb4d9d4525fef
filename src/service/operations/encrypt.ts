import { err, ok, type Result, ResultAsync } from "neverthrow";
import type { KmsError } from "../../domain/kmsError.js";
import type { EncryptRequest, EncryptResponse } from "../../domain/requests/encrypt.js";
import { validateEncryptRequest } from "../../domain/requests/encrypt.js";
import { requireEnabledKey } from "../../domain/requireEnabledKey.js";
import { encryptWithKey } from "../encryptWithKey.js";
import type { OperationHandler } from "../operationDescriptor.js";
import { keyAt } from "../readKey.js";
import { resolveKey } from "../resolveKey.js";
import type { ServiceDeps } from "../serviceDeps.js";
import { dryRunRefusal } from "../unlessDryRun.js";

/**
 * Encrypt: AES-256-GCM under a symmetric key's material, the encryption context authenticated
 * (docs/decisions/0014-key-state-errors.md), or RSAES-OAEP under an RSA encryption key (docs/decisions/0031-hmac-and-asymmetric-import.md).
 */
export function encrypt(deps: ServiceDeps): OperationHandler<EncryptRequest, EncryptResponse> {
  return (input) => new ResultAsync(encryptRequest(deps, input));
}

/**
 * The steps of Encrypt awaited in turn: a hot path, so one promise per store and crypto call
 * rather than a chain of them.
 */
async function encryptRequest(
  deps: ServiceDeps,
  input: unknown,
): Promise<Result<EncryptResponse, KmsError>> {
  const now = deps.clock.now();
  const { behaviour } = deps;
  const validated = validateEncryptRequest(input, { scope: deps.scope, now }, { behaviour });
  if (validated.isErr()) return err(validated.error);
  const request = validated.value;
  const arn = await resolveKey(deps, request.key, now);
  if (arn.isErr()) return err(arn.error);
  const key = (await keyAt(deps, arn.value, now)).andThen(requireEnabledKey);
  if (key.isErr()) return err(key.error);
  const encrypted = await encryptWithKey(
    deps.crypto,
    key.value,
    "Encrypt",
    request.asymmetricAlgorithm,
    request.plaintext,
    request.encryptionContext,
  );
  if (encrypted.isErr()) return err(encrypted.error);
  if (request.dryRun) return err(dryRunRefusal());
  return ok({
    CiphertextBlob: encrypted.value.ciphertextBlob,
    KeyId: key.value.arn,
    EncryptionAlgorithm: encrypted.value.algorithm,
  });
}
