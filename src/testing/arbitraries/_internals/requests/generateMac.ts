import fc from "fast-check";
import type { GenerateMacRequest } from "../../../../domain/requests/generateMac.js";
import { booleanMember, enumMember, grantTokensMember, keyIdMember } from "../commonMembers.js";
import { grantTokenViolations } from "../dataPlaneViolations.js";
import type { GenerationContext } from "../generationContext.js";
import { keyIdViolations } from "../keyIdViolations.js";
import { blob, grantTokens } from "../memberValues.js";
import {
  messageMember,
  messageViolations,
  modelledMacAlgorithms,
  requiredEnumViolations,
} from "../messageMembers.js";
import type { OperationBuilder } from "../operationBuilder.js";

function valid(context: GenerationContext): fc.Arbitrary<GenerateMacRequest> {
  return fc.record(
    {
      Message: blob(1, 4096),
      KeyId: context.keyId,
      MacAlgorithm: fc.constantFrom(...modelledMacAlgorithms),
      GrantTokens: grantTokens(),
      DryRun: fc.boolean(),
    },
    { requiredKeys: ["Message", "KeyId", "MacAlgorithm"], noNullPrototype: true },
  );
}

/** GenerateMac: a 1–4096-byte message, a key reference and a MAC algorithm. */
export const generateMacRequests: OperationBuilder<GenerateMacRequest> = {
  members: {
    Message: messageMember,
    KeyId: keyIdMember,
    MacAlgorithm: enumMember,
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
      ...grantTokenViolations(base),
    ];
  },
};
