import fc from "fast-check";

/** Constraints of {@link keyMaterial}. */
export interface KeyMaterialConstraints {
  /** `true`: 32 bytes (docs/decisions/0002-material-is-exactly-32-bytes.md). `false`: any other length. @defaultValue `true` */
  readonly valid?: boolean;
  /**
   * The shortest invalid material. 0 bytes can be wrapped only with `RSAES_OAEP_*`: pass 1 for
   * `RSA_AES_KEY_WRAP_*`, whose RFC 5649 wrap refuses empty input. @defaultValue 0
   */
  readonly minLength?: number;
  /**
   * The longest invalid material. The default fits RSA-OAEP with every supported wrapping key
   * (at most 190 bytes for `RSA_2048` with SHA-256); `RSA_AES_KEY_WRAP_*` wraps any length.
   * @defaultValue 128
   */
  readonly maxLength?: number;
}

const symmetricKeyBytes = 32;
const interestingLengths = [0, 1, 16, 24, 31, 33, 48, 64, 128];

/**
 * Symmetric key material: exactly 32 random bytes when valid; when not, any other length from
 * `minLength` to `maxLength`, favouring 0, 1, 16, 24, 31, 33, 48, 64 and 128. Wrapped and
 * imported, invalid material gets `IncorrectKeyMaterialException` (docs/decisions/0002-material-is-exactly-32-bytes.md). Invalid material shrinks
 * towards the shortest length.
 *
 * Throws `RangeError` when the length range is empty, negative or holds only 32.
 *
 * @example
 * ```ts
 * fc.assert(fc.asyncProperty(arbitraries.keyMaterial({ valid: false }), async (material) => {
 *   const r = await importMaterial(material); // GetParametersForImport, wrapKeyMaterial, ImportKeyMaterial
 *   return r.isErr() && r.error.name === "IncorrectKeyMaterialException";
 * }));
 * ```
 */
export function keyMaterial(constraints: KeyMaterialConstraints = {}): fc.Arbitrary<Uint8Array> {
  if (constraints.valid ?? true) {
    return fc.uint8Array({ minLength: symmetricKeyBytes, maxLength: symmetricKeyBytes });
  }
  const minLength = constraints.minLength ?? 0;
  const maxLength = constraints.maxLength ?? 128;
  if (
    !Number.isInteger(minLength) ||
    !Number.isInteger(maxLength) ||
    minLength < 0 ||
    maxLength < minLength ||
    (minLength === symmetricKeyBytes && maxLength === symmetricKeyBytes)
  ) {
    throw new RangeError(
      `arbitraries.keyMaterial: no invalid length lies in [${minLength}, ${maxLength}].`,
    );
  }
  const favoured = interestingLengths.filter((n) => n >= minLength && n <= maxLength);
  const length = fc
    .oneof(
      ...(favoured.length === 0 ? [] : [fc.constantFrom(...favoured)]),
      fc.integer({ min: minLength, max: maxLength }),
    )
    .filter((n) => n !== symmetricKeyBytes);
  return length.chain((n) => fc.uint8Array({ minLength: n, maxLength: n }));
}
