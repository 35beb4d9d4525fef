import {
  type EccKeySpec,
  type HmacKeySpec,
  isEccKeySpec,
  isHmacKeySpec,
  isRsaKeySpec,
  type KeySpec,
  type KeyUsage,
} from "./keySpec.js";

/** The encryption algorithms of an RSA encryption key. */
export const rsaEncryptionAlgorithms = ["RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256"] as const;
/** The signing algorithms of an RSA signing key, in the order `KeyMetadata` lists them. */
export const rsaSigningAlgorithms = [
  "RSASSA_PSS_SHA_256",
  "RSASSA_PSS_SHA_384",
  "RSASSA_PSS_SHA_512",
  "RSASSA_PKCS1_V1_5_SHA_256",
  "RSASSA_PKCS1_V1_5_SHA_384",
  "RSASSA_PKCS1_V1_5_SHA_512",
] as const;
/** The ECDSA signing algorithms; an ECC key offers the one of its curve. */
export const ecdsaSigningAlgorithms = ["ECDSA_SHA_256", "ECDSA_SHA_384", "ECDSA_SHA_512"] as const;
/** The MAC algorithms; an HMAC key offers the one of its spec. */
export const macAlgorithms = [
  "HMAC_SHA_224",
  "HMAC_SHA_256",
  "HMAC_SHA_384",
  "HMAC_SHA_512",
] as const;

/** An `EncryptionAlgorithm` kms-byok models. */
export type EncryptionAlgorithm = "SYMMETRIC_DEFAULT" | (typeof rsaEncryptionAlgorithms)[number];
/** A `SigningAlgorithm` kms-byok models (SM2 is China Regions only). */
export type SigningAlgorithm =
  | (typeof rsaSigningAlgorithms)[number]
  | (typeof ecdsaSigningAlgorithms)[number];
/** A `MacAlgorithm`. */
export type MacAlgorithm = (typeof macAlgorithms)[number];

const eccSigning: Readonly<Record<EccKeySpec, SigningAlgorithm>> = {
  ECC_NIST_P256: "ECDSA_SHA_256",
  ECC_NIST_P384: "ECDSA_SHA_384",
  ECC_NIST_P521: "ECDSA_SHA_512",
  ECC_SECG_P256K1: "ECDSA_SHA_256",
};

/** The one MAC algorithm of an HMAC key spec. */
export const macAlgorithmOf = (spec: HmacKeySpec): MacAlgorithm =>
  `HMAC_SHA_${spec.slice("HMAC_".length)}` as MacAlgorithm;

/**
 * The algorithms a key of `spec` and `usage` offers, as `KeyMetadata` lists them: encryption
 * algorithms for encryption keys, signing algorithms for signing keys, the MAC algorithm for
 * HMAC keys.
 */
export function keyAlgorithms(
  spec: KeySpec,
  usage: KeyUsage,
): {
  readonly encryption?: readonly EncryptionAlgorithm[];
  readonly signing?: readonly SigningAlgorithm[];
  readonly mac?: readonly MacAlgorithm[];
} {
  if (isHmacKeySpec(spec)) return { mac: [macAlgorithmOf(spec)] };
  if (isEccKeySpec(spec)) return { signing: [eccSigning[spec]] };
  if (isRsaKeySpec(spec)) {
    return usage === "SIGN_VERIFY"
      ? { signing: rsaSigningAlgorithms }
      : { encryption: rsaEncryptionAlgorithms };
  }
  return { encryption: ["SYMMETRIC_DEFAULT"] };
}

/** Whether `algorithm` is one of RSA's encryption algorithms. */
export const isRsaEncryptionAlgorithm = (
  algorithm: string,
): algorithm is (typeof rsaEncryptionAlgorithms)[number] =>
  (rsaEncryptionAlgorithms as readonly string[]).includes(algorithm);

/** The length of a message digest for a signing algorithm, in bytes (for `MessageType: DIGEST`). */
export const digestBytesOf = (algorithm: SigningAlgorithm): number =>
  Number(algorithm.slice(-3)) / 8;

/**
 * The most bytes RSAES-OAEP encrypts under an RSA key of `modulusBits` with `algorithm`: the
 * modulus length less twice the hash length less two.
 */
export const rsaPlaintextLimit = (
  modulusBits: number,
  algorithm: (typeof rsaEncryptionAlgorithms)[number],
): number => modulusBits / 8 - 2 * (algorithm === "RSAES_OAEP_SHA_1" ? 20 : 32) - 2;
