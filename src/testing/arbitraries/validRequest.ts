import type fc from "fast-check";
import type { OperationName } from "../../service/kmsOperations.js";
import { generationContext } from "./_internals/generationContext.js";
import { builderOf } from "./_internals/requests/builderOf.js";
import type { OperationRequests } from "./operationRequests.js";
import type { RequestConstraints } from "./requestConstraints.js";

export type { OperationRequests } from "./operationRequests.js";
export type { RequestConstraints } from "./requestConstraints.js";

/**
 * Requests of `operation` that pass its validation: required members present, optional ones
 * sometimes, every value in range, the key named by a key ID or an ARN of the scope. They are
 * syntactically valid only: the keys, tokens and ciphertexts they name need not exist, so a KMS
 * may still answer `NotFoundException`, `InvalidImportTokenException`,
 * `InvalidCiphertextException`, `InvalidMarkerException`, or with `DryRun: true`,
 * `DryRunOperationException`.
 *
 * Throws `TypeError` for an unknown operation or invalid constraints.
 *
 * @example
 * ```ts
 * const requests = arbitraries.validRequest("ScheduleKeyDeletion", { keyId: fc.constant(KeyId) });
 * fc.assert(fc.asyncProperty(requests, async (request) =>
 *   (await kms.scheduleKeyDeletion(request)).isOk()));
 * ```
 */
export function validRequest<O extends OperationName>(
  operation: O,
  constraints: RequestConstraints = {},
): fc.Arbitrary<OperationRequests[O]> {
  const builder = builderOf(operation, "validRequest");
  return builder.valid(generationContext(constraints, "validRequest"));
}
