import fc from "fast-check";
import type { VerifyRequest } from "../../../../domain/requests/verify.js";
import { booleanMember, enumMember, grantTokensMember, keyIdMember } from "../commonMembers.js";
import { grantTokenViolations } from "../dataPlaneViolations.js";
import type { GenerationContext } from "../generationContext.js";
import { keyIdViolations } from "../keyIdViolations.js";
import { blob, grantTokens } from "../memberValues.js";
import {
  messageMember,
  messageViolations,
  modelledSigningAlgorithms,
  proofMember,
  proofViolations,
  requiredEnumViolations,
} from "../messageMembers.js";
import type { OperationBuilder } from "../operationBuilder.js";
import { unknownEnumValue } from "../unknownEnumValue.js";
import { invalidMember } from "../violation.js";

function valid(context: GenerationContext): fc.Arbitrary<VerifyRequest> {
  return fc.record(
    {
      KeyId: context.keyId,
      Message: blob(1, 4096),
      MessageType: fc.constantFrom("RAW" as const, "DIGEST" as const),
      Signature: blob(1, 6144),
      SigningAlgorithm: fc.constantFrom(...modelledSigningAlgorithms),
      GrantTokens: grantTokens(),
      DryRun: fc.boolean(),
    },
    {
      requiredKeys: ["KeyId", "Message", "Signature", "SigningAlgorithm"],
      noNullPrototype: true,
    },
  );
}

/**
 * Verify: a key reference, a 1–4096-byte message (or digest), a 1–6144-byte signature and a
 * signing algorithm. The signature is random, so a KMS refuses it later
 * (`KMSInvalidSignatureException`).
 */
export const verifyRequests: OperationBuilder<VerifyRequest> = {
  members: {
    KeyId: keyIdMember,
    Message: messageMember,
    MessageType: enumMember,
    Signature: proofMember,
    SigningAlgorithm: enumMember,
    GrantTokens: grantTokensMember,
    DryRun: booleanMember,
  },
  valid,
  violations: (context) => {
    const base = valid(context);
    return [
      ...keyIdViolations(base, context, "resolve"),
      ...messageViolations(base),
      invalidMember(base, "MessageType", unknownEnumValue(), "MessageType is not a known value"),
      ...proofViolations(base, "Signature"),
      ...requiredEnumViolations(base, "SigningAlgorithm"),
      ...grantTokenViolations(base),
    ];
  },
};
