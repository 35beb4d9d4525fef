import fc from "fast-check";

/**
 * Key IDs in the form KMS gives them: lowercase UUIDs such as
 * `1234abcd-12ab-34cd-56ef-1234567890ab`. Every operation that takes a `KeyId` accepts them
 * (whether the key exists is up to the KMS: a missing one is `NotFoundException`).
 *
 * @example
 * ```ts
 * fc.assert(fc.property(arbitraries.keyId(), (KeyId) => isKeyId(KeyId)));
 * ```
 */
export function keyId(): fc.Arbitrary<string> {
  return fc.uuid();
}
