import fc from "fast-check";
import type { ScheduleKeyDeletionRequest } from "../../../../domain/requests/scheduleKeyDeletion.js";
import { keyIdMember } from "../commonMembers.js";
import type { GenerationContext } from "../generationContext.js";
import { keyIdViolations } from "../keyIdViolations.js";
import type { OperationBuilder } from "../operationBuilder.js";
import { invalidMember } from "../violation.js";

function valid(context: GenerationContext): fc.Arbitrary<ScheduleKeyDeletionRequest> {
  return fc.record(
    { KeyId: context.keyId, PendingWindowInDays: fc.integer({ min: 7, max: 30 }) },
    { requiredKeys: ["KeyId"], noNullPrototype: true },
  );
}

/** ScheduleKeyDeletion: a key ID or key ARN, and a waiting period of 7–30 days (docs/decisions/0013-deletion-window.md). */
export const scheduleKeyDeletionRequests: OperationBuilder<ScheduleKeyDeletionRequest> = {
  members: { KeyId: keyIdMember, PendingWindowInDays: { shape: "integer", max: 30 } },
  valid,
  violations: (context) => {
    const base = valid(context);
    return [
      ...keyIdViolations(base, context, "refuse"),
      invalidMember(
        base,
        "PendingWindowInDays",
        fc.integer({ min: -30, max: 6 }),
        "PendingWindowInDays is less than 7",
      ),
      invalidMember(
        base,
        "PendingWindowInDays",
        fc.integer({ min: 31, max: 3650 }),
        "PendingWindowInDays is more than 30",
      ),
    ];
  },
};
