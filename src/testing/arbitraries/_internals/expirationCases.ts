import fc from "fast-check";
import type { ExpirationModel } from "../../../domain/keyState.js";

/** The expiry members of an ImportKeyMaterial request. */
export interface ExpirationMembers {
  readonly ExpirationModel?: ExpirationModel;
  readonly ValidTo?: Date;
}

/** The expiry cases of docs/decisions/0008-expiration-model-and-valid-to.md; the last four are refused with `ValidationException`. */
export type ExpirationKind =
  | "valid"
  | "doesNotExpire"
  | "missing"
  | "past"
  | "tooFar"
  | "doesNotExpireWithValidTo";

/** The short sentence that says why each refused case is refused. */
export const expirationReasons = {
  missing: "ValidTo is missing for material that expires",
  past: "ValidTo is not after the time of the request",
  tooFar: "ValidTo is more than 365 days after the time of the request",
  doesNotExpireWithValidTo: "ValidTo is set for material that does not expire",
} as const;

const day = 24 * 60 * 60 * 1000;
const maxMargin = 180 * day;
const maxValidToOffset = 365 * day;
const farOffset = 100 * 365 * day;

/** Throws `RangeError` naming `api` unless `margin` is 0–180 days in milliseconds. */
export function checkMargin(margin: number, api: string): number {
  if (!(margin >= 0 && margin <= maxMargin)) {
    throw new RangeError(`arbitraries.${api}: margin must be 0–180 days in milliseconds.`);
  }
  return margin;
}

/**
 * An arbitrary of expiry members per kind, with `ValidTo` at an offset from `now()` read at
 * generation. Valid values stay valid, and invalid ones invalid, for requests up to `margin` ms
 * before or after that time.
 */
export function expirationCases(
  now: () => Date,
  margin: number,
): Record<ExpirationKind, fc.Arbitrary<ExpirationMembers>> {
  const at = (min: number, max: number) =>
    fc.integer({ min, max }).map((offset) => new Date(now().getTime() + offset));
  const expiring = (validTo: fc.Arbitrary<Date> | undefined): fc.Arbitrary<ExpirationMembers> =>
    fc.record(
      {
        ExpirationModel: fc.constant("KEY_MATERIAL_EXPIRES" as const),
        ...(validTo === undefined ? {} : { ValidTo: validTo }),
      },
      { requiredKeys: validTo === undefined ? [] : ["ValidTo"], noNullPrototype: true },
    );
  const lowest = margin + 1;
  return {
    valid: expiring(at(lowest, maxValidToOffset - margin)),
    doesNotExpire: fc.constant({ ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE" as const }),
    missing: expiring(undefined),
    past: expiring(at(-farOffset, -margin)),
    tooFar: expiring(at(maxValidToOffset + lowest, farOffset)),
    doesNotExpireWithValidTo: fc.record(
      {
        ExpirationModel: fc.constant("KEY_MATERIAL_DOES_NOT_EXPIRE" as const),
        ValidTo: fc.oneof(at(-farOffset, farOffset), fc.date({ noInvalidDate: true })),
      },
      { noNullPrototype: true },
    ),
  };
}
