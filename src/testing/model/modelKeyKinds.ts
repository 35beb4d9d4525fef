// The HMAC, RSA and ECC keys of the current profile, as the model knows them: a table written
// from docs/decisions/0031-hmac-and-asymmetric-import.md and docs/errors.md, not read from
// src/domain.

/** The HMAC key specs. */
export type ModelHmacSpec = "HMAC_224" | "HMAC_256" | "HMAC_384" | "HMAC_512";
/** The RSA key specs. */
export type ModelRsaSpec = "RSA_2048" | "RSA_3072" | "RSA_4096";
/** The ECC key specs. */
export type ModelEccSpec = "ECC_NIST_P256" | "ECC_NIST_P384" | "ECC_NIST_P521" | "ECC_SECG_P256K1";
/** A key spec besides `SYMMETRIC_DEFAULT`. */
export type ModelKeySpec = ModelHmacSpec | ModelRsaSpec | ModelEccSpec;
/** A `KeyUsage` the model knows. */
export type ModelKeyUsage = "ENCRYPT_DECRYPT" | "SIGN_VERIFY" | "GENERATE_VERIFY_MAC";

/** The spec and usage of an HMAC, RSA or ECC key (docs/decisions/0031-hmac-and-asymmetric-import.md). */
export interface ModelKeyKind {
  readonly spec: ModelKeySpec;
  readonly usage: ModelKeyUsage;
}

/** The RSAES-OAEP encryption algorithms of an RSA encryption key. */
export type ModelRsaEncryption = "RSAES_OAEP_SHA_1" | "RSAES_OAEP_SHA_256";

const hmacBytes: Readonly<Record<ModelHmacSpec, { readonly min: number; readonly max: number }>> = {
  HMAC_224: { min: 28, max: 64 },
  HMAC_256: { min: 32, max: 64 },
  HMAC_384: { min: 48, max: 128 },
  HMAC_512: { min: 64, max: 128 },
};

const rsaBits: Readonly<Record<ModelRsaSpec, number>> = {
  RSA_2048: 2048,
  RSA_3072: 3072,
  RSA_4096: 4096,
};

/** The curve of each ECC spec, as Node names it. */
export const modelCurves: Readonly<Record<ModelEccSpec, string>> = {
  ECC_NIST_P256: "prime256v1",
  ECC_NIST_P384: "secp384r1",
  ECC_NIST_P521: "secp521r1",
  ECC_SECG_P256K1: "secp256k1",
};

const ecdsaOf: Readonly<Record<ModelEccSpec, ModelSigningAlgorithm>> = {
  ECC_NIST_P256: "ECDSA_SHA_256",
  ECC_NIST_P384: "ECDSA_SHA_384",
  ECC_NIST_P521: "ECDSA_SHA_512",
  ECC_SECG_P256K1: "ECDSA_SHA_256",
};

const rsaSigning = [
  "RSASSA_PSS_SHA_256",
  "RSASSA_PSS_SHA_384",
  "RSASSA_PSS_SHA_512",
  "RSASSA_PKCS1_V1_5_SHA_256",
  "RSASSA_PKCS1_V1_5_SHA_384",
  "RSASSA_PKCS1_V1_5_SHA_512",
] as const;

/** Every signing algorithm of the model's keys, RSA's in the order `KeyMetadata` lists them. */
export const modelSigningAlgorithms = [
  ...rsaSigning,
  "ECDSA_SHA_256",
  "ECDSA_SHA_384",
  "ECDSA_SHA_512",
] as const;

/** A signing algorithm of the model's keys. */
export type ModelSigningAlgorithm = (typeof modelSigningAlgorithms)[number];

/** Every MAC algorithm. */
export const modelMacAlgorithms = [
  "HMAC_SHA_224",
  "HMAC_SHA_256",
  "HMAC_SHA_384",
  "HMAC_SHA_512",
] as const;

/** A MAC algorithm. */
export type ModelMacAlgorithm = (typeof modelMacAlgorithms)[number];

/** Whether `spec` is an HMAC key spec. */
export const isHmacSpec = (spec: string): spec is ModelHmacSpec => spec in hmacBytes;
/** Whether `spec` is an RSA key spec. */
export const isRsaSpec = (spec: string): spec is ModelRsaSpec => spec in rsaBits;
/** Whether `spec` is an ECC key spec. */
export const isEccSpec = (spec: string): spec is ModelEccSpec => spec in modelCurves;

/** The usages each spec allows. */
export function usagesOf(spec: ModelKeySpec): readonly ModelKeyUsage[] {
  if (isHmacSpec(spec)) return ["GENERATE_VERIFY_MAC"];
  return isRsaSpec(spec) ? ["ENCRYPT_DECRYPT", "SIGN_VERIFY"] : ["SIGN_VERIFY"];
}

/** Every kind of key the current profile creates besides symmetric ones. */
export const modelKeyKinds: readonly ModelKeyKind[] = (
  [
    "HMAC_224",
    "HMAC_256",
    "HMAC_384",
    "HMAC_512",
    "RSA_2048",
    "RSA_3072",
    "RSA_4096",
    "ECC_NIST_P256",
    "ECC_NIST_P384",
    "ECC_NIST_P521",
    "ECC_SECG_P256K1",
  ] as const
).flatMap((spec) => usagesOf(spec).map((usage) => ({ spec, usage })));

/**
 * The algorithms `KeyMetadata` lists for a key of `kind` (absent: a symmetric key), by the
 * member that lists them; the other two members are absent.
 */
export function algorithmsOf(kind: ModelKeyKind | undefined): {
  readonly EncryptionAlgorithms?: readonly ("SYMMETRIC_DEFAULT" | ModelRsaEncryption)[];
  readonly SigningAlgorithms?: readonly ModelSigningAlgorithm[];
  readonly MacAlgorithms?: readonly ModelMacAlgorithm[];
} {
  if (kind === undefined) return { EncryptionAlgorithms: ["SYMMETRIC_DEFAULT"] };
  const { spec, usage } = kind;
  if (isHmacSpec(spec))
    return { MacAlgorithms: [`HMAC_SHA_${spec.slice(5)}` as ModelMacAlgorithm] };
  if (isEccSpec(spec)) return { SigningAlgorithms: [ecdsaOf[spec]] };
  return usage === "SIGN_VERIFY"
    ? { SigningAlgorithms: rsaSigning }
    : { EncryptionAlgorithms: ["RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256"] };
}

/** The key spec of a key of `kind`, `SYMMETRIC_DEFAULT` when absent. */
export const specOf = (kind: ModelKeyKind | undefined): string => kind?.spec ?? "SYMMETRIC_DEFAULT";

/** The usage of a key of `kind`, `ENCRYPT_DECRYPT` when absent. */
export const usageOf = (kind: ModelKeyKind | undefined): ModelKeyUsage =>
  kind?.usage ?? "ENCRYPT_DECRYPT";

/** Whether a key of `kind` has a public key (RSA and ECC keys). */
export const hasPublicKey = (kind: ModelKeyKind | undefined): boolean =>
  kind !== undefined && !isHmacSpec(kind.spec);

/** The bytes HMAC material of `spec` may have. */
export const hmacMaterialRange = (spec: ModelHmacSpec) => hmacBytes[spec];

/** The modulus of an RSA spec, in bits. */
export const modulusBitsOf = (spec: ModelRsaSpec): number => rsaBits[spec];

/** The bytes of the hash of a signing or MAC algorithm: its last three digits over 8. */
export const hashBytesOf = (algorithm: string): number => Number(algorithm.slice(-3)) / 8;

/** Node's name of the hash of a signing or MAC algorithm (`sha256`). */
export const hashOf = (algorithm: string): string => `sha${algorithm.slice(-3)}`;

/** The most bytes RSAES-OAEP encrypts under `spec` with `algorithm`: k − 2·hLen − 2. */
export const oaepLimitOf = (spec: ModelRsaSpec, algorithm: ModelRsaEncryption): number =>
  rsaBits[spec] / 8 - 2 * (algorithm === "RSAES_OAEP_SHA_1" ? 20 : 32) - 2;
