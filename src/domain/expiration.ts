import { isAfter } from "date-fns";
import { err, ok, type Result } from "neverthrow";
import { daysAfter } from "./daysAfter.js";
import type { ExpirationModel } from "./keyState.js";
import { type KmsError, kmsError } from "./kmsError.js";

/** The furthest ahead a `ValidTo` may be, in days after the request (docs/decisions/0008-expiration-model-and-valid-to.md). */
export const maxValidToDays = 365;

/**
 * Applies the expiration rules (docs/decisions/0008-expiration-model-and-valid-to.md) to an ImportKeyMaterial request and returns the material's
 * `validTo`, or `undefined` when it does not expire. `ExpirationModel` defaults to
 * `KEY_MATERIAL_EXPIRES`.
 *
 * Errors: `ValidationException` when `ValidTo` is missing for expiring material, present for
 * material that does not expire, not after `now`, or more than 365 days after `now`.
 *
 * @example
 * ```ts
 * resolveExpiration(undefined, daysAfter(now, 30), now); // ok(daysAfter(now, 30))
 * resolveExpiration("KEY_MATERIAL_DOES_NOT_EXPIRE", undefined, now); // ok(undefined)
 * ```
 */
export function resolveExpiration(
  expirationModel: ExpirationModel | undefined,
  validTo: Date | undefined,
  now: Date,
): Result<Date | undefined, KmsError> {
  if (expirationModel === "KEY_MATERIAL_DOES_NOT_EXPIRE") {
    return validTo === undefined
      ? ok(undefined)
      : invalid(
          "A validTo date must not be set if the ExpirationModel is KEY_MATERIAL_DOES_NOT_EXPIRE",
        );
  }
  if (validTo === undefined) {
    return invalid("A validTo date must be set if the ExpirationModel is KEY_MATERIAL_EXPIRES");
  }
  if (!isAfter(validTo, now)) {
    return invalid("The validTo date must be later than the time of the request");
  }
  if (isAfter(validTo, daysAfter(now, maxValidToDays))) {
    return invalid(
      `The validTo date must be no more than ${maxValidToDays} days after the time of the request`,
    );
  }
  return ok(validTo);
}

function invalid(message: string): Result<never, KmsError> {
  return err(kmsError("ValidationException", message));
}
