import fc from "fast-check";
import {
  ecdsaSigningAlgorithms,
  macAlgorithms,
  rsaSigningAlgorithms,
} from "../../../domain/keyAlgorithms.js";
import type { MemberRule } from "./memberRule.js";
import { longBlob } from "./memberValues.js";
import { unknownEnumValue } from "./unknownEnumValue.js";
import { changed, invalidMember, missing, type Violation } from "./violation.js";

/** `Message` of Sign, Verify, GenerateMac and VerifyMac: 1–4096 bytes. */
export const messageMember: MemberRule = { shape: "blob", max: 4096 };
/** `Signature` of Verify and `Mac` of VerifyMac: 1–6144 bytes. */
export const proofMember: MemberRule = { shape: "blob", max: 6144 };

/** The signing algorithms of the keys kms-byok models: RSASSA-PSS, RSASSA-PKCS1-v1_5 and ECDSA. */
export const modelledSigningAlgorithms = [...rsaSigningAlgorithms, ...ecdsaSigningAlgorithms];

/** The MAC algorithms, one per HMAC key spec. */
export const modelledMacAlgorithms = macAlgorithms;

/** A `Message` missing, empty or over 4096 bytes: `ValidationException`. */
export function messageViolations(base: fc.Arbitrary<object>): fc.Arbitrary<Violation>[] {
  return [
    changed(base, missing("Message"), "ValidationException", "Message is missing"),
    invalidMember(base, "Message", fc.constant(new Uint8Array(0)), "Message is empty"),
    invalidMember(base, "Message", longBlob(4097, 8192), "Message is over 4096 bytes"),
  ];
}

/** A `Signature` or `Mac` missing, empty or over 6144 bytes: `ValidationException`. */
export function proofViolations(
  base: fc.Arbitrary<object>,
  member: "Signature" | "Mac",
): fc.Arbitrary<Violation>[] {
  return [
    changed(base, missing(member), "ValidationException", `${member} is missing`),
    invalidMember(base, member, fc.constant(new Uint8Array(0)), `${member} is empty`),
    invalidMember(base, member, longBlob(6145, 8192), `${member} is over 6144 bytes`),
  ];
}

/** A required enum member missing or not a known value: `ValidationException`. */
export function requiredEnumViolations(
  base: fc.Arbitrary<object>,
  member: string,
): fc.Arbitrary<Violation>[] {
  return [
    changed(base, missing(member), "ValidationException", `${member} is missing`),
    invalidMember(base, member, unknownEnumValue(), `${member} is not a known value`),
  ];
}
