import fc from "fast-check";

const aliasCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/_-";

/**
 * Well-formed alias names such as `alias/my-key` (AWS's `AliasName` pattern, up to 38
 * characters). kms-byok has no aliases: the import and lifecycle operations refuse them and the
 * others find none, so every operation answers `NotFoundException` (docs/decisions/0009-key-id-or-key-arn-only.md).
 *
 * @example
 * ```ts
 * fc.assert(fc.asyncProperty(arbitraries.aliasName(), async (KeyId) =>
 *   (await kms.describeKey({ KeyId }))._unsafeUnwrapErr().name === "NotFoundException"));
 * ```
 */
export function aliasName(): fc.Arbitrary<string> {
  return fc
    .string({ unit: fc.constantFrom(...aliasCharacters), minLength: 1, maxLength: 32 })
    .map((name) => `alias/${name}`);
}
