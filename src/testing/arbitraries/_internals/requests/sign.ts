import fc from "fast-check";
import type { SignRequest } from "../../../../domain/requests/sign.js";
import { booleanMember, enumMember, grantTokensMember, keyIdMember } from "../commonMembers.js";
import { grantTokenViolations } from "../dataPlaneViolations.js";
import type { GenerationContext } from "../generationContext.js";
import { keyIdViolations } from "../keyIdViolations.js";
import { blob, grantTokens } from "../memberValues.js";
import {
  messageMember,
  messageViolations,
  modelledSigningAlgorithms,
  requiredEnumViolations,
} from "../messageMembers.js";
import type { OperationBuilder } from "../operationBuilder.js";
import { unknownEnumValue } from "../unknownEnumValue.js";
import { invalidMember } from "../violation.js";

function valid(context: GenerationContext): fc.Arbitrary<SignRequest> {
  return fc.record(
    {
      KeyId: context.keyId,
      Message: blob(1, 4096),
      MessageType: fc.constantFrom("RAW" as const, "DIGEST" as const),
      GrantTokens: grantTokens(),
      SigningAlgorithm: fc.constantFrom(...modelledSigningAlgorithms),
      DryRun: fc.boolean(),
    },
    { requiredKeys: ["KeyId", "Message", "SigningAlgorithm"], noNullPrototype: true },
  );
}

/**
 * Sign: a key reference, a 1–4096-byte message (or digest, with `MessageType: "DIGEST"`) and a
 * signing algorithm. The key need not exist, nor sign with that algorithm.
 */
export const signRequests: OperationBuilder<SignRequest> = {
  members: {
    KeyId: keyIdMember,
    Message: messageMember,
    MessageType: enumMember,
    GrantTokens: grantTokensMember,
    SigningAlgorithm: enumMember,
    DryRun: booleanMember,
  },
  valid,
  violations: (context) => {
    const base = valid(context);
    return [
      ...keyIdViolations(base, context, "resolve"),
      ...messageViolations(base),
      invalidMember(base, "MessageType", unknownEnumValue(), "MessageType is not a known value"),
      ...requiredEnumViolations(base, "SigningAlgorithm"),
      ...grantTokenViolations(base),
    ];
  },
};
