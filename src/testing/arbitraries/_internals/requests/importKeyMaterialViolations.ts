import fc from "fast-check";
import {
  type ExpirationKind,
  type ExpirationMembers,
  expirationReasons,
} from "../expirationCases.js";
import { longBlob, longString } from "../memberValues.js";
import { unknownEnumValue } from "../unknownEnumValue.js";
import { absent, changed, invalidMember, missing, type Violation } from "../violation.js";

type Cases = Record<ExpirationKind, fc.Arbitrary<ExpirationMembers>>;

function blobViolations(base: fc.Arbitrary<object>, member: string): fc.Arbitrary<Violation>[] {
  return [
    changed(base, missing(member), "ValidationException", `${member} is missing`),
    invalidMember(base, member, fc.constant(new Uint8Array(0)), `${member} is empty`),
    invalidMember(base, member, longBlob(6145, 8192), `${member} is over 6144 bytes`),
  ];
}

function expiryViolations(base: fc.Arbitrary<object>, cases: Cases): fc.Arbitrary<Violation>[] {
  return (Object.keys(expirationReasons) as (keyof typeof expirationReasons)[]).map((kind) =>
    changed(
      base,
      cases[kind].map((members) => ({ ExpirationModel: absent, ValidTo: absent, ...members })),
      "ValidationException",
      expirationReasons[kind],
    ),
  );
}

/** The mistakes specific to ImportKeyMaterial (docs/decisions/0008-expiration-model-and-valid-to.md and the AWS model's constraints). */
export function importKeyMaterialViolations(
  base: fc.Arbitrary<object>,
  cases: Cases,
): fc.Arbitrary<Violation>[] {
  return [
    ...blobViolations(base, "ImportToken"),
    ...blobViolations(base, "EncryptedKeyMaterial"),
    ...expiryViolations(base, cases),
    invalidMember(
      base,
      "ExpirationModel",
      unknownEnumValue(),
      "ExpirationModel is not a known value",
    ),
    invalidMember(base, "ImportType", unknownEnumValue(), "ImportType is not a known value"),
    invalidMember(
      base,
      "KeyMaterialDescription",
      fc.oneof(fc.constantFrom("", "key#1", "clé", "a,b"), longString(257, 512)),
      "KeyMaterialDescription is empty, too long or has a character outside [a-zA-Z0-9:/_\\s.-]",
    ),
    changed(
      base,
      fc.constant({ ImportType: "NEW_KEY_MATERIAL", KeyMaterialId: "0".repeat(64) }),
      "ValidationException",
      "KeyMaterialId is given with ImportType NEW_KEY_MATERIAL",
    ),
  ];
}
