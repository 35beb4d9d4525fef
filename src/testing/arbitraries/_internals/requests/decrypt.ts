import fc from "fast-check";
import type { DecryptRequest } from "../../../../domain/requests/decrypt.js";
import {
  booleanMember,
  encryptionContextMember,
  enumMember,
  grantTokensMember,
  keyIdMember,
  recipientMember,
} from "../commonMembers.js";
import {
  encryptionAlgorithmViolations,
  encryptionContextViolation,
  grantTokenViolations,
  recipientViolation,
} from "../dataPlaneViolations.js";
import type { GenerationContext } from "../generationContext.js";
import { keyIdViolations } from "../keyIdViolations.js";
import { blob, encryptionContext, grantTokens, longBlob } from "../memberValues.js";
import type { OperationBuilder } from "../operationBuilder.js";
import { changed, invalidMember, missing } from "../violation.js";

function valid(context: GenerationContext): fc.Arbitrary<DecryptRequest> {
  return fc.record(
    {
      CiphertextBlob: blob(1, 6144),
      EncryptionContext: encryptionContext(),
      GrantTokens: grantTokens(),
      KeyId: context.keyId,
      EncryptionAlgorithm: fc.constant("SYMMETRIC_DEFAULT" as const),
      DryRun: fc.boolean(),
    },
    { requiredKeys: ["CiphertextBlob"], noNullPrototype: true },
  );
}

/**
 * Decrypt: 1–6144 bytes of ciphertext and maybe the key expected. The ciphertext is random, so
 * a KMS refuses it later (`InvalidCiphertextException`).
 */
export const decryptRequests: OperationBuilder<DecryptRequest> = {
  members: {
    CiphertextBlob: { shape: "blob", max: 6144 },
    EncryptionContext: encryptionContextMember,
    GrantTokens: grantTokensMember,
    KeyId: keyIdMember,
    EncryptionAlgorithm: enumMember,
    Recipient: recipientMember,
    DryRun: booleanMember,
  },
  valid,
  violations: (context) => {
    const base = valid(context);
    return [
      changed(base, missing("CiphertextBlob"), "ValidationException", "CiphertextBlob is missing"),
      invalidMember(
        base,
        "CiphertextBlob",
        fc.constant(new Uint8Array(0)),
        "CiphertextBlob is empty",
      ),
      invalidMember(
        base,
        "CiphertextBlob",
        longBlob(6145, 8192),
        "CiphertextBlob is over 6144 bytes",
      ),
      ...keyIdViolations(base, context, "resolve", false),
      encryptionContextViolation(base),
      ...grantTokenViolations(base),
      ...encryptionAlgorithmViolations(base),
      recipientViolation(base),
    ];
  },
};
