import fc from "fast-check";
import type { GetPublicKeyRequest } from "../../../../domain/requests/getPublicKey.js";
import { grantTokensMember, keyIdMember } from "../commonMembers.js";
import { grantTokenViolations } from "../dataPlaneViolations.js";
import type { GenerationContext } from "../generationContext.js";
import { keyIdViolations } from "../keyIdViolations.js";
import { grantTokens } from "../memberValues.js";
import type { OperationBuilder } from "../operationBuilder.js";

function valid(context: GenerationContext): fc.Arbitrary<GetPublicKeyRequest> {
  return fc.record(
    { KeyId: context.keyId, GrantTokens: grantTokens() },
    { requiredKeys: ["KeyId"], noNullPrototype: true },
  );
}

/** GetPublicKey: a key reference and grant tokens. */
export const getPublicKeyRequests: OperationBuilder<GetPublicKeyRequest> = {
  members: { KeyId: keyIdMember, GrantTokens: grantTokensMember },
  valid,
  violations: (context) => {
    const base = valid(context);
    return [...keyIdViolations(base, context, "resolve"), ...grantTokenViolations(base)];
  },
};
