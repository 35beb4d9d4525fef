import fc from "fast-check";

const aliasCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/_-";

/**
 * Alias names one may create, such as `alias/my-key` (AWS's `AliasName` pattern, up to 38
 * characters, never the reserved `alias/aws/`; docs/decisions/0023-aliases.md).
 *
 * @example
 * ```ts
 * fc.assert(fc.asyncProperty(arbitraries.aliasName(), async (AliasName) =>
 *   (await kms.createAlias({ AliasName, TargetKeyId: KeyId })).isOk() &&
 *   (await kms.deleteAlias({ AliasName })).isOk()));
 * ```
 */
export function aliasName(): fc.Arbitrary<string> {
  return fc
    .string({ unit: fc.constantFrom(...aliasCharacters), minLength: 1, maxLength: 32 })
    .filter((name) => !name.startsWith("aws/"))
    .map((name) => `alias/${name}`);
}
