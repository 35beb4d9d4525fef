import fc from "fast-check";
import type { KmsErrorName } from "../../../domain/kmsError.js";

/** An invalid request, before it is labelled with its operation. */
export interface Violation {
  readonly request: unknown;
  readonly error: KmsErrorName;
  readonly reason: string;
}

/** In a change, removes the member instead of setting it. */
export const absent: unique symbol = Symbol("absent");

/** Members to set (or remove, with {@link absent}) in a valid request. */
export type Changes = Readonly<Record<string, unknown>>;

/** `request` with `changes` applied, as a new plain object. */
export function applyChanges(request: object, changes: Changes): Record<string, unknown> {
  const result: Record<string, unknown> = { ...request };
  for (const [member, value] of Object.entries(changes)) {
    if (value === absent) delete result[member];
    else result[member] = value;
  }
  return result;
}

/** Valid requests with `changes` applied, each promised to fail with `error`. */
export function changed(
  base: fc.Arbitrary<object>,
  changes: fc.Arbitrary<Changes>,
  error: KmsErrorName,
  reason: string,
): fc.Arbitrary<Violation> {
  return fc
    .tuple(base, changes)
    .map(([request, change]) => ({ request: applyChanges(request, change), error, reason }));
}

/** A required member left out: removed, or `null` (which counts as absent). */
export function missing(member: string): fc.Arbitrary<Changes> {
  return fc.constantFrom({ [member]: absent }, { [member]: null });
}

/** A `ValidationException` for a request with one member changed. */
export function invalidMember(
  base: fc.Arbitrary<object>,
  member: string,
  values: fc.Arbitrary<unknown>,
  reason: string,
): fc.Arbitrary<Violation> {
  return changed(
    base,
    values.map((value) => ({ [member]: value })),
    "ValidationException",
    reason,
  );
}
