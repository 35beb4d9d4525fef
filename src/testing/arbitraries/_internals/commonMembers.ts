import type { MemberRule } from "./memberRule.js";

/** `KeyId`: 1–2048 characters. */
export const keyIdMember: MemberRule = { shape: "string", max: 2048 };
/** An enum member: a string of a fixed set. */
export const enumMember: MemberRule = { shape: "string" };
/** `GrantTokens`: at most 10 tokens. */
export const grantTokensMember: MemberRule = { shape: "stringList", max: 10 };
/** `EncryptionContext`: a map of strings. */
export const encryptionContextMember: MemberRule = { shape: "stringMap" };
/** A boolean member such as `DryRun`. */
export const booleanMember: MemberRule = { shape: "boolean" };
/** `KeyMaterialId`: 64 characters. */
export const keyMaterialIdMember: MemberRule = { shape: "string", max: 64 };
/** `Recipient`: refused whatever it holds. */
export const recipientMember: MemberRule = { shape: "refused" };
