import fc from "fast-check";
import type { UpdateKeyDescriptionRequest } from "../../../../domain/requests/updateKeyDescription.js";
import { keyIdMember } from "../commonMembers.js";
import type { GenerationContext } from "../generationContext.js";
import { keyIdViolations } from "../keyIdViolations.js";
import { longString } from "../memberValues.js";
import type { OperationBuilder } from "../operationBuilder.js";
import { changed, invalidMember, missing } from "../violation.js";

function valid(context: GenerationContext): fc.Arbitrary<UpdateKeyDescriptionRequest> {
  return fc.record(
    { KeyId: context.keyId, Description: fc.string({ unit: "grapheme", maxLength: 64 }) },
    { noNullPrototype: true },
  );
}

/** UpdateKeyDescription: a key ID or key ARN and a description of up to 8192 characters. */
export const updateKeyDescriptionRequests: OperationBuilder<UpdateKeyDescriptionRequest> = {
  members: { KeyId: keyIdMember, Description: { shape: "string", max: 8192 } },
  valid,
  violations: (context) => {
    const base = valid(context);
    return [
      ...keyIdViolations(base, context, "refuse"),
      changed(base, missing("Description"), "ValidationException", "Description is missing"),
      invalidMember(
        base,
        "Description",
        longString(8193, 9000),
        "Description is over 8192 characters",
      ),
    ];
  },
};
