import { err, ok, type Result } from "neverthrow";
import { type KmsError, kmsError } from "./kmsError.js";

/** Every `WrappingKeySpec` value in the AWS model. */
export const wrappingKeySpecValues = ["RSA_2048", "RSA_3072", "RSA_4096", "SM2"] as const;
/** A `WrappingKeySpec` as AWS spells it. */
export type WrappingKeySpec = (typeof wrappingKeySpecValues)[number];

/** Every `WrappingAlgorithm` (`AlgorithmSpec`) value in the AWS model. */
export const wrappingAlgorithmValues = [
  "RSAES_PKCS1_V1_5",
  "RSAES_OAEP_SHA_1",
  "RSAES_OAEP_SHA_256",
  "RSA_AES_KEY_WRAP_SHA_1",
  "RSA_AES_KEY_WRAP_SHA_256",
  "SM2PKE",
] as const;
/** A `WrappingAlgorithm` as AWS spells it. */
export type WrappingAlgorithm = (typeof wrappingAlgorithmValues)[number];

/** The wrapping key specs kms-byok supports (docs/decisions/0003-rsa-wrapping-table.md). */
export type SupportedWrappingKeySpec = "RSA_2048" | "RSA_3072" | "RSA_4096";
/** The wrapping algorithms kms-byok supports (docs/decisions/0003-rsa-wrapping-table.md). */
export type SupportedWrappingAlgorithm =
  | "RSAES_OAEP_SHA_1"
  | "RSAES_OAEP_SHA_256"
  | "RSA_AES_KEY_WRAP_SHA_1"
  | "RSA_AES_KEY_WRAP_SHA_256";

/** How a supported algorithm wraps material: the OAEP hash (MGF1 uses the same) and whether an AES key wrap follows. */
export interface WrappingScheme {
  readonly hash: "sha1" | "sha256";
  readonly aesKeyWrap: boolean;
}

/** The docs/decisions/0003-rsa-wrapping-table.md wrapping table: each supported algorithm and how it works. */
export const wrappingSchemes: Readonly<Record<SupportedWrappingAlgorithm, WrappingScheme>> = {
  RSAES_OAEP_SHA_1: { hash: "sha1", aesKeyWrap: false },
  RSAES_OAEP_SHA_256: { hash: "sha256", aesKeyWrap: false },
  RSA_AES_KEY_WRAP_SHA_1: { hash: "sha1", aesKeyWrap: true },
  RSA_AES_KEY_WRAP_SHA_256: { hash: "sha256", aesKeyWrap: true },
};

/** The alternative initial value of the RFC 5649 AES key wrap with padding, in hex. */
export const aesKeyWrapInitialValue = "A65959A6";

/** The RSA modulus length in bits of each supported wrapping key spec. */
export const wrappingKeyBits: Readonly<Record<SupportedWrappingKeySpec, number>> = {
  RSA_2048: 2048,
  RSA_3072: 3072,
  RSA_4096: 4096,
};

/** A wrapping key spec and algorithm pair that kms-byok supports. */
export interface Wrapping {
  readonly wrappingAlgorithm: SupportedWrappingAlgorithm;
  readonly wrappingKeySpec: SupportedWrappingKeySpec;
}

/**
 * Checks a (valid enum) algorithm and key spec pair against the wrapping table (docs/decisions/0003-rsa-wrapping-table.md).
 *
 * Errors: `UnsupportedOperationException` for `RSAES_PKCS1_V1_5` (retired by AWS on
 * 2023-10-10), `SM2PKE` and `SM2` (China Regions only).
 *
 * @example
 * ```ts
 * checkWrapping("RSAES_OAEP_SHA_256", "RSA_4096"); // ok({ wrappingAlgorithm: …, wrappingKeySpec: … })
 * ```
 */
export function checkWrapping(
  wrappingAlgorithm: WrappingAlgorithm,
  wrappingKeySpec: WrappingKeySpec,
): Result<Wrapping, KmsError> {
  if (wrappingAlgorithm === "RSAES_PKCS1_V1_5") {
    return err(
      kmsError(
        "UnsupportedOperationException",
        "WrappingAlgorithm RSAES_PKCS1_V1_5 is not supported: AWS KMS retired it on 2023-10-10. " +
          "Use RSAES_OAEP_SHA_256 or RSA_AES_KEY_WRAP_SHA_256.",
      ),
    );
  }
  if (wrappingAlgorithm === "SM2PKE" || wrappingKeySpec === "SM2") {
    return err(
      kmsError(
        "UnsupportedOperationException",
        "SM2 wrapping keys and the SM2PKE algorithm exist only in AWS China Regions; " +
          "kms-byok supports RSA_2048, RSA_3072 and RSA_4096 wrapping keys.",
      ),
    );
  }
  return ok({ wrappingAlgorithm, wrappingKeySpec });
}
