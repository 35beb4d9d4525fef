import fc from "fast-check";

/**
 * Strings that are no value of any AWS enum: every AWS enum value is upper case, so these hold
 * a lower-case letter, or are empty.
 */
export function unknownEnumValue(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom("", "Symmetric_Default", "rsa_2048", "aes_256", "other"),
    fc.stringMatching(/^[A-Z0-9_]{0,8}[a-z][A-Za-z0-9_]{0,8}$/),
  );
}
