import type { AliasName } from "./aliasRecord.js";

/** The prefix every alias name starts with. */
export const aliasPrefix = "alias/";

/** The prefix AWS keeps for the aliases of AWS managed keys: no one may create such an alias. */
export const reservedAliasPrefix = "alias/aws/";

/** `AliasNameType` in the AWS model: 1–256 characters of these. */
export const aliasNameRule = { min: 1, max: 256, pattern: /^[a-zA-Z0-9:/_-]+$/ } as const;

/**
 * Tells whether `value` is a well-formed alias name: `alias/`, then at least one more
 * character, and only the characters and length the AWS model allows (docs/decisions/0023-aliases.md).
 *
 * @example
 * ```ts
 * isAliasName("alias/dev-key"); // true
 * isAliasName("alias/dev key"); // false
 * ```
 */
export function isAliasName(value: string): value is AliasName {
  return (
    value.startsWith(aliasPrefix) &&
    value.length > aliasPrefix.length &&
    value.length <= aliasNameRule.max &&
    aliasNameRule.pattern.test(value)
  );
}
