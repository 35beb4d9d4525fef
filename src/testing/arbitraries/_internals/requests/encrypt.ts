import fc from "fast-check";
import type { EncryptRequest } from "../../../../domain/requests/encrypt.js";
import {
  booleanMember,
  encryptionContextMember,
  enumMember,
  grantTokensMember,
  keyIdMember,
} from "../commonMembers.js";
import {
  encryptionAlgorithmViolations,
  encryptionContextViolation,
  grantTokenViolations,
} from "../dataPlaneViolations.js";
import type { GenerationContext } from "../generationContext.js";
import { keyIdViolations } from "../keyIdViolations.js";
import { blob, encryptionContext, grantTokens, longBlob } from "../memberValues.js";
import type { OperationBuilder } from "../operationBuilder.js";
import { changed, invalidMember, missing } from "../violation.js";

function valid(context: GenerationContext): fc.Arbitrary<EncryptRequest> {
  return fc.record(
    {
      KeyId: context.keyId,
      Plaintext: blob(1, 4096),
      EncryptionContext: encryptionContext(),
      GrantTokens: grantTokens(),
      EncryptionAlgorithm: fc.constant("SYMMETRIC_DEFAULT" as const),
      DryRun: fc.boolean(),
    },
    { requiredKeys: ["KeyId", "Plaintext"], noNullPrototype: true },
  );
}

/** Encrypt: a key reference and 1–4096 bytes of plaintext. With `DryRun`, success is `DryRunOperationException`. */
export const encryptRequests: OperationBuilder<EncryptRequest> = {
  members: {
    KeyId: keyIdMember,
    Plaintext: { shape: "blob", max: 4096 },
    EncryptionContext: encryptionContextMember,
    GrantTokens: grantTokensMember,
    EncryptionAlgorithm: enumMember,
    DryRun: booleanMember,
  },
  valid,
  violations: (context) => {
    const base = valid(context);
    return [
      ...keyIdViolations(base, context, "resolve"),
      changed(base, missing("Plaintext"), "ValidationException", "Plaintext is missing"),
      invalidMember(base, "Plaintext", fc.constant(new Uint8Array(0)), "Plaintext is empty"),
      invalidMember(base, "Plaintext", longBlob(4097, 8192), "Plaintext is over 4096 bytes"),
      encryptionContextViolation(base),
      ...grantTokenViolations(base),
      ...encryptionAlgorithmViolations(base),
    ];
  },
};
