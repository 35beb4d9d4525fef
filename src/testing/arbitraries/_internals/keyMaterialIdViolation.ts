import fc from "fast-check";
import { keyMaterialId } from "./memberValues.js";
import { invalidMember, type Violation } from "./violation.js";

/** A `KeyMaterialId` that is not 64 lowercase hex digits: `ValidationException`. */
export function keyMaterialIdViolation(base: fc.Arbitrary<object>): fc.Arbitrary<Violation> {
  return invalidMember(
    base,
    "KeyMaterialId",
    fc.oneof(
      keyMaterialId().map((id) => id.slice(1)),
      keyMaterialId().map((id) => `${id}0`),
      keyMaterialId().map((id) => `A${id.slice(1)}`),
      keyMaterialId().map((id) => `${id.slice(1)}g`),
      fc.constant(""),
    ),
    "KeyMaterialId is not 64 lowercase hex digits",
  );
}
