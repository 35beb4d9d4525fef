import fc from "fast-check";
import type { VerifyMacRequest } from "../../../../domain/requests/verifyMac.js";
import { booleanMember, enumMember, grantTokensMember, keyIdMember } from "../commonMembers.js";
import { grantTokenViolations } from "../dataPlaneViolations.js";
import type { GenerationContext } from "../generationContext.js";
import { keyIdViolations } from "../keyIdViolations.js";
import { blob, grantTokens } from "../memberValues.js";
import {
  messageMember,
  messageViolations,
  modelledMacAlgorithms,
  proofMember,
  proofViolations,
  requiredEnumViolations,
} from "../messageMembers.js";
import type { OperationBuilder } from "../operationBuilder.js";

function valid(context: GenerationContext): fc.Arbitrary<VerifyMacRequest> {
  return fc.record(
    {
      Message: blob(1, 4096),
      KeyId: context.keyId,
      MacAlgorithm: fc.constantFrom(...modelledMacAlgorithms),
      Mac: blob(1, 6144),
      GrantTokens: grantTokens(),
      DryRun: fc.boolean(),
    },
    { requiredKeys: ["Message", "KeyId", "MacAlgorithm", "Mac"], noNullPrototype: true },
  );
}

/**
 * VerifyMac: a 1–4096-byte message, a key reference, a MAC algorithm and a 1–6144-byte MAC. The
 * MAC is random, so a KMS refuses it later (`KMSInvalidMacException`).
 */
export const verifyMacRequests: OperationBuilder<VerifyMacRequest> = {
  members: {
    Message: messageMember,
    KeyId: keyIdMember,
    MacAlgorithm: enumMember,
    Mac: proofMember,
    GrantTokens: grantTokensMember,
    DryRun: booleanMember,
  },
  valid,
  violations: (context) => {
    const base = valid(context);
    return [
      ...messageViolations(base),
      ...keyIdViolations(base, context, "resolve"),
      ...requiredEnumViolations(base, "MacAlgorithm"),
      ...proofViolations(base, "Mac"),
      ...grantTokenViolations(base),
    ];
  },
};
