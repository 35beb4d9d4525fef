import fc from "fast-check";
import type { ReEncryptRequest } from "../../../../domain/requests/reEncrypt.js";
import { unusableKeyReference } from "../../unusableKeyReference.js";
import {
  booleanMember,
  encryptionContextMember,
  enumMember,
  grantTokensMember,
  keyIdMember,
} from "../commonMembers.js";
import { grantTokenViolations } from "../dataPlaneViolations.js";
import type { GenerationContext } from "../generationContext.js";
import { blob, encryptionContext, grantTokens, longBlob, longString } from "../memberValues.js";
import type { OperationBuilder } from "../operationBuilder.js";
import { applyChanges, changed, invalidMember, missing } from "../violation.js";

function valid(context: GenerationContext): fc.Arbitrary<ReEncryptRequest> {
  return fc.record(
    {
      CiphertextBlob: blob(1, 6144),
      SourceEncryptionContext: encryptionContext(),
      SourceKeyId: context.keyId,
      DestinationKeyId: context.keyId,
      DestinationEncryptionContext: encryptionContext(),
      SourceEncryptionAlgorithm: fc.constant("SYMMETRIC_DEFAULT" as const),
      DestinationEncryptionAlgorithm: fc.constant("SYMMETRIC_DEFAULT" as const),
      GrantTokens: grantTokens(),
      DryRun: fc.boolean(),
    },
    { requiredKeys: ["CiphertextBlob", "DestinationKeyId"], noNullPrototype: true },
  );
}

/**
 * ReEncrypt: a ciphertext, maybe its key, and the destination key. The ciphertext is random, so
 * a KMS refuses it later (`InvalidCiphertextException`).
 */
export const reEncryptRequests: OperationBuilder<ReEncryptRequest> = {
  members: {
    CiphertextBlob: { shape: "blob", max: 6144 },
    SourceEncryptionContext: encryptionContextMember,
    SourceKeyId: keyIdMember,
    DestinationKeyId: keyIdMember,
    DestinationEncryptionContext: encryptionContextMember,
    SourceEncryptionAlgorithm: enumMember,
    DestinationEncryptionAlgorithm: enumMember,
    GrantTokens: grantTokensMember,
    DryRun: booleanMember,
  },
  valid,
  violations: (context) => {
    const base = valid(context);
    const badReference = (member: "SourceKeyId" | "DestinationKeyId") =>
      fc
        .tuple(base, unusableKeyReference({ ...context.scope, aliases: "resolve" }))
        .map(([request, { KeyId, error, reason }]) => ({
          request: applyChanges(request, { [member]: KeyId }),
          error,
          reason: reason.replace("KeyId", member),
        }));
    return [
      changed(base, missing("CiphertextBlob"), "ValidationException", "CiphertextBlob is missing"),
      invalidMember(
        base,
        "CiphertextBlob",
        longBlob(6145, 8192),
        "CiphertextBlob is over 6144 bytes",
      ),
      changed(
        base,
        missing("DestinationKeyId"),
        "ValidationException",
        "DestinationKeyId is missing",
      ),
      invalidMember(
        base,
        "DestinationKeyId",
        longString(2049, 4096),
        "DestinationKeyId is longer than 2048 characters",
      ),
      badReference("SourceKeyId"),
      badReference("DestinationKeyId"),
      changed(
        base,
        fc
          .tuple(
            fc.constantFrom("SourceEncryptionAlgorithm", "DestinationEncryptionAlgorithm"),
            fc.constantFrom("RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256"),
          )
          .map(([member, value]) => ({ [member]: value })),
        "InvalidKeyUsageException",
        "an encryption algorithm is asymmetric",
      ),
      ...grantTokenViolations(base),
    ];
  },
};
