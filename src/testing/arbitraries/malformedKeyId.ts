import fc from "fast-check";
import { keyId } from "./keyId.js";

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const multiRegionKeyIdShape = /^mrk-[0-9a-f]{32}$/;

/** Tells whether a `KeyId` of 1–2048 characters is neither a key ID, an ARN nor an alias. */
function isMalformed(value: string): boolean {
  return (
    value.length >= 1 &&
    value.length <= 2048 &&
    !value.startsWith("alias/") &&
    !value.startsWith("arn:") &&
    !uuidShape.test(value) &&
    !multiRegionKeyIdShape.test(value)
  );
}

/**
 * `KeyId` values of valid length (1–2048 characters) that are not key IDs, key ARNs, alias
 * names or multi-Region key IDs: near misses such as an upper-case UUID, a UUID without dashes
 * or one character short, `key/<uuid>`, and arbitrary text. Every operation answers
 * `NotFoundException` ("Invalid keyId …", docs/decisions/0009-key-id-or-key-arn-only.md).
 *
 * @example
 * ```ts
 * fc.assert(fc.asyncProperty(arbitraries.malformedKeyId(), async (KeyId) =>
 *   (await kms.disableKey({ KeyId }))._unsafeUnwrapErr().name === "NotFoundException"));
 * ```
 */
export function malformedKeyId(): fc.Arbitrary<string> {
  return fc
    .oneof(
      keyId().map((id) => id.toUpperCase()),
      keyId().map((id) => id.replaceAll("-", "")),
      keyId().map((id) => id.slice(1)),
      keyId().map((id) => `${id}0`),
      keyId().map((id) => `key/${id}`),
      keyId().map((id) => ` ${id}`),
      fc.constantFrom("alias", "arn", "mrk-", "key", "1234abcd", "-", "null", "undefined"),
      fc.string({ minLength: 1, maxLength: 40 }),
    )
    .filter(isMalformed);
}
