import fc from "fast-check";
import type { EnableKeyRotationRequest } from "../../../../domain/requests/enableKeyRotation.js";
import { keyIdMember } from "../commonMembers.js";
import type { GenerationContext } from "../generationContext.js";
import { keyIdViolations } from "../keyIdViolations.js";
import type { OperationBuilder } from "../operationBuilder.js";
import { invalidMember } from "../violation.js";

function valid(context: GenerationContext): fc.Arbitrary<EnableKeyRotationRequest> {
  return fc.record(
    { KeyId: context.keyId, RotationPeriodInDays: fc.integer({ min: 90, max: 2560 }) },
    { requiredKeys: ["KeyId"], noNullPrototype: true },
  );
}

/** EnableKeyRotation: a key ID or key ARN and maybe a rotation period of 90–2560 days. */
export const enableKeyRotationRequests: OperationBuilder<EnableKeyRotationRequest> = {
  members: { KeyId: keyIdMember, RotationPeriodInDays: { shape: "integer", max: 2560 } },
  valid,
  violations: (context) => {
    const base = valid(context);
    return [
      ...keyIdViolations(base, context, "refuse"),
      invalidMember(
        base,
        "RotationPeriodInDays",
        fc.oneof(fc.integer({ min: -5, max: 89 }), fc.integer({ min: 2561, max: 10000 })),
        "RotationPeriodInDays is outside 90–2560",
      ),
    ];
  },
};
