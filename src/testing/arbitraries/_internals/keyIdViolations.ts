import fc from "fast-check";
import { unusableKeyReference } from "../unusableKeyReference.js";
import type { GenerationContext } from "./generationContext.js";
import { longString } from "./memberValues.js";
import { applyChanges, changed, invalidMember, missing, type Violation } from "./violation.js";

/**
 * The mistakes in a `KeyId`: missing (when `required`), empty, over 2048 characters
 * (`ValidationException`), and the unusable references of docs/decisions/0009-key-id-or-key-arn-only.md with their errors.
 */
export function keyIdViolations(
  base: fc.Arbitrary<object>,
  context: GenerationContext,
  aliases: "resolve" | "refuse",
  required = true,
): fc.Arbitrary<Violation>[] {
  return [
    ...(required
      ? [changed(base, missing("KeyId"), "ValidationException", "KeyId is missing")]
      : []),
    invalidMember(base, "KeyId", fc.constant(""), "KeyId is empty"),
    invalidMember(base, "KeyId", longString(2049, 4096), "KeyId is longer than 2048 characters"),
    fc
      .tuple(base, unusableKeyReference({ ...context.scope, aliases }))
      .map(([request, { KeyId, error, reason }]) => ({
        request: applyChanges(request, { KeyId }),
        error,
        reason,
      })),
  ];
}
