import fc from "fast-check";
import type { KmsErrorName } from "../../domain/kmsError.js";
import type { OperationName } from "../../service/kmsOperations.js";
import { generationContext } from "./_internals/generationContext.js";
import {
  hasShape,
  type MemberRule,
  type MemberShape,
  shapeNouns,
} from "./_internals/memberRule.js";
import { longBlob, longString } from "./_internals/memberValues.js";
import { builderOf } from "./_internals/requests/builderOf.js";
import { applyChanges } from "./_internals/violation.js";
import { garbageValue } from "./garbageValue.js";
import type { InvalidRequest } from "./invalidRequest.js";
import type { RequestConstraints } from "./requestConstraints.js";

interface Replacement {
  readonly value: unknown;
  readonly error: KmsErrorName;
  readonly reason: string;
}

/** Values just over `max`, for the shapes whose size the AWS model bounds. */
const oversized: Partial<Record<MemberShape, (max: number) => fc.Arbitrary<unknown>>> = {
  string: (max) => longString(max + 1, max + 64),
  blob: (max) => longBlob(max + 1, max + 64),
  stringList: (max) =>
    fc.integer({ min: max + 1, max: max + 5 }).map((n) => Array.from({ length: n }, () => "x")),
  integer: (max) => fc.integer({ min: max + 1, max: max + 1_000_000 }),
};

const present = (value: unknown) => value !== undefined && value !== null;

/** The garbage a member can get: a value of another type and, if bounded, one too large. */
function replacements(member: string, rule: MemberRule): fc.Arbitrary<Replacement>[] {
  if (rule.shape === "refused") {
    const error = "UnsupportedOperationException";
    return [
      garbageValue()
        .filter(present)
        .map((value) => ({ value, error, reason: `${member} is present` })),
    ];
  }
  const wrongType = garbageValue()
    .filter((value) => present(value) && !hasShape(rule.shape, value))
    .map((value) => ({
      value,
      error: "SerializationException" as const,
      reason: `${member} is not ${shapeNouns[rule.shape]}`,
    }));
  const tooLarge = rule.max === undefined ? undefined : oversized[rule.shape]?.(rule.max);
  if (tooLarge === undefined) return [wrongType];
  return [
    wrongType,
    tooLarge.map((value) => ({
      value,
      error: "ValidationException" as const,
      reason: `${member} is over its maximum of ${rule.max}`,
    })),
  ];
}

/** Requests that are not objects of members at all. */
function notAnObject() {
  return garbageValue()
    .filter(
      (value) =>
        value === null || Array.isArray(value) || (present(value) && typeof value !== "object"),
    )
    .map((request) => ({
      request,
      error: "SerializationException" as const,
      reason: "the request is not an object",
    }));
}

/**
 * Garbage requests of `operation`: a valid request with one member (any member of the AWS
 * model, each as likely) replaced by a value of the wrong JavaScript type
 * (`SerializationException`) or, for bounded members, one just over the bound
 * (`ValidationException`); or no object at all (`SerializationException`). `Recipient`, which
 * kms-byok refuses whatever it holds, gets `UnsupportedOperationException`.
 *
 * Throws `TypeError` for an unknown operation or invalid constraints.
 *
 * @example
 * ```ts
 * fc.assert(fc.asyncProperty(arbitraries.garbageRequest("Encrypt"), async ({ request, error }) =>
 *   (await kms.encrypt(request as EncryptRequest))._unsafeUnwrapErr().name === error));
 * ```
 */
export function garbageRequest<O extends OperationName>(
  operation: O,
  constraints: RequestConstraints = {},
): fc.Arbitrary<InvalidRequest<O>> {
  const builder = builderOf(operation, "garbageRequest");
  const base = builder.valid(generationContext(constraints, "garbageRequest"));
  const perMember = Object.entries(builder.members).map(([member, rule]) =>
    fc.tuple(base, fc.oneof(...replacements(member, rule))).map(([request, replacement]) => ({
      operation,
      request: applyChanges(request, { [member]: replacement.value }),
      error: replacement.error,
      reason: replacement.reason,
    })),
  );
  return fc.oneof(
    ...perMember,
    notAnObject().map((garbage) => ({ operation, ...garbage })),
  );
}
