import fc from "fast-check";
import { longString } from "../memberValues.js";
import { policyViolations, tagsViolations } from "../tagValues.js";
import { unknownEnumValue } from "../unknownEnumValue.js";
import { absent, changed, invalidMember, type Violation } from "../violation.js";

const unsupported = (
  base: fc.Arbitrary<object>,
  changes: fc.Arbitrary<Readonly<Record<string, unknown>>>,
  reason: string,
) => changed(base, changes, "UnsupportedOperationException", reason);

const otherKeySpecs = ["RSA_2048", "ECC_NIST_P256", "HMAC_256", "SM2"] as const;

/** What kms-byok does not model (docs/decisions/0001-symmetric-keys-only.md): `UnsupportedOperationException`. */
function unsupportedKeys(base: fc.Arbitrary<object>): fc.Arbitrary<Violation>[] {
  return [
    unsupported(
      base,
      fc
        .constantFrom(...otherKeySpecs, "ML_DSA_44", "ECC_NIST_EDWARDS25519")
        .map((KeySpec) => ({ KeySpec, CustomerMasterKeySpec: absent, KeyUsage: absent })),
      "KeySpec is not SYMMETRIC_DEFAULT",
    ),
    unsupported(
      base,
      fc
        .constantFrom(...otherKeySpecs)
        .map((CustomerMasterKeySpec) => ({ CustomerMasterKeySpec, KeySpec: absent })),
      "CustomerMasterKeySpec is not SYMMETRIC_DEFAULT",
    ),
    unsupported(
      base,
      fc
        .constantFrom("SIGN_VERIFY", "GENERATE_VERIFY_MAC", "KEY_AGREEMENT")
        .map((KeyUsage) => ({ KeyUsage })),
      "KeyUsage is not ENCRYPT_DECRYPT",
    ),
    unsupported(
      base,
      fc.constantFrom("AWS_CLOUDHSM", "EXTERNAL_KEY_STORE").map((Origin) => ({ Origin })),
      "Origin is a custom key store",
    ),
    unsupported(
      base,
      fc.stringMatching(/^cks-[0-9a-f]{17}$/).map((CustomKeyStoreId) => ({ CustomKeyStoreId })),
      "CustomKeyStoreId is given",
    ),
    unsupported(
      base,
      fc.stringMatching(/^[a-zA-Z0-9_.-]{1,32}$/).map((XksKeyId) => ({ XksKeyId })),
      "XksKeyId is given",
    ),
    unsupported(base, fc.constant({ MultiRegion: true }), "MultiRegion is true"),
  ];
}

/** Violations of the AWS model's constraints: `ValidationException`. */
function malformedMembers(base: fc.Arbitrary<object>): fc.Arbitrary<Violation>[] {
  return [
    changed(
      base,
      fc.constant({ KeySpec: "SYMMETRIC_DEFAULT", CustomerMasterKeySpec: "SYMMETRIC_DEFAULT" }),
      "ValidationException",
      "both KeySpec and CustomerMasterKeySpec are given",
    ),
    ...["KeySpec", "CustomerMasterKeySpec", "KeyUsage", "Origin"].map((member) =>
      invalidMember(base, member, unknownEnumValue(), `${member} is not a known value`),
    ),
    invalidMember(
      base,
      "Description",
      longString(8193, 9000),
      "Description is over 8192 characters",
    ),
    invalidMember(base, "CustomKeyStoreId", fc.constant(""), "CustomKeyStoreId is empty"),
    invalidMember(
      base,
      "XksKeyId",
      fc.constantFrom("", "key id", "key/1"),
      "XksKeyId is empty or has a character outside [a-zA-Z0-9-_.]",
    ),
    ...tagsViolations(base),
    ...policyViolations(base),
  ];
}

/** The mistakes of a CreateKey request. */
export function createKeyViolations(base: fc.Arbitrary<object>): fc.Arbitrary<Violation>[] {
  return [...unsupportedKeys(base), ...malformedMembers(base)];
}
