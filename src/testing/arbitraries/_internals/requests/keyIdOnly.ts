import fc from "fast-check";
import type { KeyIdRequest } from "../../../../domain/requests/keyIdRequest.js";
import { keyIdMember } from "../commonMembers.js";
import type { GenerationContext } from "../generationContext.js";
import { keyIdViolations } from "../keyIdViolations.js";
import type { OperationBuilder } from "../operationBuilder.js";

function valid(context: GenerationContext): fc.Arbitrary<KeyIdRequest> {
  return fc.record({ KeyId: context.keyId }, { noNullPrototype: true });
}

/** EnableKey, DisableKey and CancelKeyDeletion: a key ID or key ARN, nothing else. */
export const keyIdOnlyRequests: OperationBuilder<KeyIdRequest> = {
  members: { KeyId: keyIdMember },
  valid,
  violations: (context) => keyIdViolations(valid(context), context, "refuse"),
};
