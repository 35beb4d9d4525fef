import fc from "fast-check";
import type { CreateKeyRequest } from "../../../../domain/requests/createKey.js";
import { booleanMember, enumMember } from "../commonMembers.js";
import type { OperationBuilder } from "../operationBuilder.js";
import { policyDocument, tags } from "../tagValues.js";
import { createKeyViolations } from "./createKeyViolations.js";

const symmetricSpec = fc.constantFrom(
  {},
  { KeySpec: "SYMMETRIC_DEFAULT" as const },
  { CustomerMasterKeySpec: "SYMMETRIC_DEFAULT" as const },
);

function valid(): fc.Arbitrary<CreateKeyRequest> {
  return fc
    .tuple(
      fc.record(
        {
          Description: fc.string({ unit: "grapheme", maxLength: 64 }),
          KeyUsage: fc.constant("ENCRYPT_DECRYPT" as const),
          Origin: fc.constantFrom("EXTERNAL" as const, "AWS_KMS" as const),
          MultiRegion: fc.constant(false),
          Policy: policyDocument,
          BypassPolicyLockoutSafetyCheck: fc.boolean(),
          Tags: tags(4),
        },
        { requiredKeys: [], noNullPrototype: true },
      ),
      symmetricSpec,
    )
    .map(([request, spec]) => ({ ...request, ...spec }));
}

/** CreateKey: a single-Region symmetric encryption key of origin EXTERNAL or AWS_KMS (docs/decisions/0001-symmetric-keys-only.md). */
export const createKeyRequests: OperationBuilder<CreateKeyRequest> = {
  members: {
    Description: { shape: "string", max: 8192 },
    KeyUsage: enumMember,
    KeySpec: enumMember,
    CustomerMasterKeySpec: enumMember,
    Origin: enumMember,
    CustomKeyStoreId: { shape: "string", max: 64 },
    MultiRegion: booleanMember,
    XksKeyId: { shape: "string", max: 128 },
    Policy: { shape: "string", max: 131072 },
    BypassPolicyLockoutSafetyCheck: booleanMember,
    Tags: { shape: "tags" },
  },
  valid,
  violations: () => createKeyViolations(valid()),
};
