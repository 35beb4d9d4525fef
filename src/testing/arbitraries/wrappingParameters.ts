import fc from "fast-check";
import type {
  SupportedWrappingAlgorithm,
  SupportedWrappingKeySpec,
} from "../../domain/wrappingTable.js";
import { unknownEnumValue } from "./_internals/unknownEnumValue.js";

/** A wrapping algorithm and wrapping key spec pair that GetParametersForImport accepts (docs/decisions/0003-rsa-wrapping-table.md). */
export interface WrappingParameters {
  readonly WrappingAlgorithm: SupportedWrappingAlgorithm;
  readonly WrappingKeySpec: SupportedWrappingKeySpec;
}

/** A pair that GetParametersForImport refuses, with the error it answers. */
export interface UnsupportedWrappingParameters {
  readonly WrappingAlgorithm: string;
  readonly WrappingKeySpec: string;
  readonly error: "UnsupportedOperationException" | "ValidationException";
  /** Why, in a short sentence, such as "RSAES_PKCS1_V1_5 was retired by AWS". */
  readonly reason: string;
}

/** Constraints of {@link wrappingParameters} for supported pairs. */
export interface SupportedWrappingConstraints {
  readonly supported?: true;
  /**
   * The wrapping key specs to use, for instance `["RSA_2048"]` to spare the key generation time
   * of larger keys. @defaultValue all three
   */
  readonly wrappingKeySpecs?: readonly SupportedWrappingKeySpec[];
}

/** Constraints of {@link wrappingParameters} for refused pairs. */
export interface UnsupportedWrappingConstraints {
  readonly supported: false;
}

/** Constraints of {@link wrappingParameters}. */
export type WrappingParametersConstraints =
  | SupportedWrappingConstraints
  | UnsupportedWrappingConstraints;

const supportedAlgorithms: readonly SupportedWrappingAlgorithm[] = [
  "RSAES_OAEP_SHA_1",
  "RSAES_OAEP_SHA_256",
  "RSA_AES_KEY_WRAP_SHA_1",
  "RSA_AES_KEY_WRAP_SHA_256",
];
const supportedSpecs: readonly SupportedWrappingKeySpec[] = ["RSA_2048", "RSA_3072", "RSA_4096"];
const knownAlgorithms = [...supportedAlgorithms, "RSAES_PKCS1_V1_5", "SM2PKE"];
const knownSpecs = [...supportedSpecs, "SM2"];

/**
 * `{ WrappingAlgorithm, WrappingKeySpec }` pairs for GetParametersForImport. Supported: each of
 * the 12 pairs of docs/decisions/0003-rsa-wrapping-table.md (`RSA_2048`, `RSA_3072`, `RSA_4096` × `RSAES_OAEP_SHA_1`,
 * `RSAES_OAEP_SHA_256`, `RSA_AES_KEY_WRAP_SHA_1`, `RSA_AES_KEY_WRAP_SHA_256`). Unsupported
 * (`{ supported: false }`): `RSAES_PKCS1_V1_5`, `SM2PKE` or `SM2` with known values →
 * `UnsupportedOperationException`; an unknown algorithm or key spec → `ValidationException`.
 *
 * Throws `RangeError` for an empty `wrappingKeySpecs`.
 *
 * @example
 * ```ts
 * fc.assert(fc.asyncProperty(arbitraries.wrappingParameters({ supported: false }),
 *   async ({ error, ...pair }) =>
 *     (await kms.getParametersForImport({ KeyId, ...pair }))._unsafeUnwrapErr().name === error));
 * ```
 */
export function wrappingParameters(
  constraints?: SupportedWrappingConstraints,
): fc.Arbitrary<WrappingParameters>;
export function wrappingParameters(
  constraints: UnsupportedWrappingConstraints,
): fc.Arbitrary<UnsupportedWrappingParameters>;
export function wrappingParameters(
  constraints: WrappingParametersConstraints = {},
): fc.Arbitrary<WrappingParameters> | fc.Arbitrary<UnsupportedWrappingParameters> {
  if (constraints.supported === false) return unsupportedPairs();
  const specs = constraints.wrappingKeySpecs ?? supportedSpecs;
  if (specs.length === 0) {
    throw new RangeError("arbitraries.wrappingParameters: wrappingKeySpecs must not be empty.");
  }
  return fc.record(
    {
      WrappingAlgorithm: fc.constantFrom(...supportedAlgorithms),
      WrappingKeySpec: fc.constantFrom(...specs),
    },
    { noNullPrototype: true },
  );
}

function unsupportedPairs(): fc.Arbitrary<UnsupportedWrappingParameters> {
  const pair = (
    algorithm: fc.Arbitrary<string>,
    spec: fc.Arbitrary<string>,
    error: UnsupportedWrappingParameters["error"],
    reason: string,
  ) =>
    fc.tuple(algorithm, spec).map(([WrappingAlgorithm, WrappingKeySpec]) => ({
      WrappingAlgorithm,
      WrappingKeySpec,
      error,
      reason,
    }));
  const anyKnownSpec = fc.constantFrom(...knownSpecs);
  const anyKnownAlgorithm = fc.constantFrom(...knownAlgorithms);
  return fc.oneof(
    pair(
      fc.constant("RSAES_PKCS1_V1_5"),
      anyKnownSpec,
      "UnsupportedOperationException",
      "RSAES_PKCS1_V1_5 was retired by AWS",
    ),
    pair(
      fc.constant("SM2PKE"),
      anyKnownSpec,
      "UnsupportedOperationException",
      "SM2PKE exists only in China Regions",
    ),
    pair(
      anyKnownAlgorithm,
      fc.constant("SM2"),
      "UnsupportedOperationException",
      "SM2 exists only in China Regions",
    ),
    pair(
      fc.oneof(fc.constantFrom("RSAES_OAEP_SHA_512", "RSA_OAEP"), unknownEnumValue()),
      fc.oneof(anyKnownSpec, unknownEnumValue()),
      "ValidationException",
      "WrappingAlgorithm is not a known value",
    ),
    pair(
      anyKnownAlgorithm,
      fc.oneof(fc.constantFrom("RSA_1024", "RSA_8192", "EC_P256"), unknownEnumValue()),
      "ValidationException",
      "WrappingKeySpec is not a known value",
    ),
  );
}
