import fc from "fast-check";
import { longString } from "./memberValues.js";
import { changed, invalidMember, type Violation } from "./violation.js";

const loneSurrogate = fc.constantFrom("\uD800", "\uDBFF", "\uDC00", "\uDFFF");

/** Too many `GrantTokens`, an empty one, or one over 8192 characters: `ValidationException`. */
export function grantTokenViolations(base: fc.Arbitrary<object>): fc.Arbitrary<Violation>[] {
  return [
    invalidMember(
      base,
      "GrantTokens",
      fc.integer({ min: 11, max: 20 }).map((n) => Array.from({ length: n }, () => "token")),
      "GrantTokens has more than 10 tokens",
    ),
    invalidMember(
      base,
      "GrantTokens",
      fc.constant(["token", ""]),
      "GrantTokens has an empty token",
    ),
    invalidMember(
      base,
      "GrantTokens",
      longString(8193, 9000).map((token) => [token]),
      "GrantTokens has a token over 8192 characters",
    ),
  ];
}

/** An `EncryptionContext` key or value with a lone surrogate: `ValidationException`. */
export function encryptionContextViolation(base: fc.Arbitrary<object>): fc.Arbitrary<Violation> {
  return invalidMember(
    base,
    "EncryptionContext",
    fc
      .tuple(loneSurrogate, fc.boolean())
      .map(([s, inKey]) => (inKey ? { [`k${s}`]: "v" } : { purpose: `v${s}` })),
    "EncryptionContext holds a lone surrogate",
  );
}

/**
 * An unknown `EncryptionAlgorithm` (`ValidationException`) or an asymmetric one, which a
 * symmetric key cannot use (`InvalidKeyUsageException`).
 */
export function encryptionAlgorithmViolations(
  base: fc.Arbitrary<object>,
): fc.Arbitrary<Violation>[] {
  return [
    invalidMember(
      base,
      "EncryptionAlgorithm",
      fc.constantFrom("AES_256", "SYMMETRIC", "symmetric_default", ""),
      "EncryptionAlgorithm is not a known value",
    ),
    changed(
      base,
      fc
        .constantFrom("RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256", "SM2PKE")
        .map((EncryptionAlgorithm) => ({ EncryptionAlgorithm })),
      "InvalidKeyUsageException",
      "EncryptionAlgorithm is asymmetric",
    ),
  ];
}

/** A `Recipient` (Nitro Enclaves), which kms-byok refuses: `UnsupportedOperationException`. */
export function recipientViolation(base: fc.Arbitrary<object>): fc.Arbitrary<Violation> {
  return changed(
    base,
    fc.uint8Array({ minLength: 1, maxLength: 16 }).map((AttestationDocument) => ({
      Recipient: { KeyEncryptionAlgorithm: "RSAES_OAEP_SHA_256", AttestationDocument },
    })),
    "UnsupportedOperationException",
    "Recipient is not supported",
  );
}
