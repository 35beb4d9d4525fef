import fc from "fast-check";
import type { Clock } from "../../ports/clock.js";
import {
  checkMargin,
  type ExpirationKind,
  type ExpirationMembers,
  expirationCases,
} from "./_internals/expirationCases.js";
import { readNow } from "./_internals/readNow.js";

export type { ExpirationMembers } from "./_internals/expirationCases.js";

/**
 * Which expiry to generate (docs/decisions/0008-expiration-model-and-valid-to.md): `valid` (`ValidTo` after now and at most 365 days later),
 * `doesNotExpire` (`KEY_MATERIAL_DOES_NOT_EXPIRE`, no `ValidTo`), and the refused `missing`,
 * `past` (at or before now), `tooFar` (beyond 365 days) and `doesNotExpireWithValidTo`.
 */
export type ValidToKind = ExpirationKind;

/** Constraints of {@link validTo}. */
export interface ValidToConstraints {
  /** The time of the request: a fixed `Date`, or a `Clock` read each time a value is generated. */
  readonly now: Date | Clock;
  /** One kind or several. @defaultValue `["valid", "doesNotExpire"]` */
  readonly kind?: ValidToKind | readonly ValidToKind[];
  /**
   * Milliseconds by which the request may come before or after generation with each value
   * keeping its verdict, for a clock that moves meanwhile (a `manualClock` needs none).
   * @defaultValue 0
   */
  readonly margin?: number;
}

/**
 * The expiry members of an ImportKeyMaterial request, `{ ExpirationModel?, ValidTo? }`, relative
 * to `now`, to spread into the request. The refused kinds get `ValidationException` (docs/decisions/0008-expiration-model-and-valid-to.md). Values
 * shrink towards the bound they test (just after now, just past 365 days, exactly now).
 *
 * Throws `TypeError` for an invalid `Date`, `RangeError` for no kinds or a margin outside
 * 0–180 days.
 *
 * @example
 * ```ts
 * const clock = manualClock();
 * fc.assert(fc.asyncProperty(arbitraries.validTo({ now: clock, kind: "past" }), async (expiry) =>
 *   (await kms.importKeyMaterial({ KeyId, ImportToken, EncryptedKeyMaterial, ...expiry }))
 *     ._unsafeUnwrapErr().name === "ValidationException"));
 * ```
 */
export function validTo(constraints: ValidToConstraints): fc.Arbitrary<ExpirationMembers> {
  const kinds: readonly ValidToKind[] =
    typeof constraints.kind === "string"
      ? [constraints.kind]
      : (constraints.kind ?? ["valid", "doesNotExpire"]);
  const margin = checkMargin(constraints.margin ?? 0, "validTo");
  if (kinds.length === 0) throw new RangeError("arbitraries.validTo: kind must not be empty.");
  const cases = expirationCases(readNow(constraints.now, "validTo"), margin);
  return fc.oneof(...kinds.map((kind) => cases[kind]));
}
