import fc from "fast-check";
import type { KmsErrorName } from "../../domain/kmsError.js";
import type { OperationName } from "../../service/kmsOperations.js";
import { generationContext } from "./_internals/generationContext.js";
import { builderOf } from "./_internals/requests/builderOf.js";
import type { RequestConstraints } from "./requestConstraints.js";

/** A request that its operation must refuse, with the error it must answer. */
export interface InvalidRequest<O extends OperationName = OperationName> {
  readonly operation: O;
  /** The request, of any shape. */
  readonly request: unknown;
  /** The exact error name the operation answers, before it looks at any key. */
  readonly error: KmsErrorName;
  /** Why, in a short sentence, such as "ValidTo is not after the time of the request". */
  readonly reason: string;
}

/**
 * Requests of `operation` with one mistake each, and the error each gets: missing required
 * members, empty or oversized strings and blobs, out-of-range numbers, unknown enum values,
 * malformed `KeyMaterialId`s and the docs/decisions/0008-expiration-model-and-valid-to.md `ValidTo` violations (`ValidationException`); what docs/decisions/0001-symmetric-keys-only.md
 * and docs/decisions/0003-rsa-wrapping-table.md exclude (`UnsupportedOperationException`); asymmetric `EncryptionAlgorithm`s
 * (`InvalidKeyUsageException`); the key references of docs/decisions/0009-key-id-or-key-arn-only.md (`NotFoundException`,
 * `AccessDeniedException`, `UnsupportedOperationException`). Each is otherwise a valid request,
 * and shrinks like one.
 *
 * Throws `TypeError` for an unknown operation or invalid constraints.
 *
 * @example
 * ```ts
 * fc.assert(fc.asyncProperty(arbitraries.invalidRequest("ImportKeyMaterial", { now: clock }),
 *   async ({ request, error }) =>
 *     (await kms.importKeyMaterial(request as ImportKeyMaterialRequest))._unsafeUnwrapErr().name === error));
 * ```
 */
export function invalidRequest<O extends OperationName>(
  operation: O,
  constraints: RequestConstraints = {},
): fc.Arbitrary<InvalidRequest<O>> {
  const builder = builderOf(operation, "invalidRequest");
  const violations = builder.violations(generationContext(constraints, "invalidRequest"));
  return fc.oneof(...violations).map((violation) => ({ operation, ...violation }));
}
