/**
 * The key specs kms-byok models (docs/decisions/0031-hmac-and-asymmetric-import.md): symmetric
 * encryption keys in both behaviour profiles; HMAC, RSA and ECC keys with imported material in the
 * `current` profile.
 */
export const hmacKeySpecs = ["HMAC_224", "HMAC_256", "HMAC_384", "HMAC_512"] as const;
/** The RSA key specs. */
export const rsaKeySpecs = ["RSA_2048", "RSA_3072", "RSA_4096"] as const;
/** The ECC key specs (signing). */
export const eccKeySpecs = [
  "ECC_NIST_P256",
  "ECC_NIST_P384",
  "ECC_NIST_P521",
  "ECC_SECG_P256K1",
] as const;

/** An HMAC key spec. */
export type HmacKeySpec = (typeof hmacKeySpecs)[number];
/** An RSA key spec. */
export type RsaKeySpec = (typeof rsaKeySpecs)[number];
/** An ECC key spec. */
export type EccKeySpec = (typeof eccKeySpecs)[number];
/** A key spec kms-byok models. */
export type KeySpec = "SYMMETRIC_DEFAULT" | HmacKeySpec | RsaKeySpec | EccKeySpec;
/** What a key is for (`KeyUsage`); `KEY_AGREEMENT` is not modelled. */
export type KeyUsage = "ENCRYPT_DECRYPT" | "SIGN_VERIFY" | "GENERATE_VERIFY_MAC";

/** Whether `spec` is an HMAC key spec. */
export const isHmacKeySpec = (spec: string): spec is HmacKeySpec =>
  (hmacKeySpecs as readonly string[]).includes(spec);
/** Whether `spec` is an RSA key spec. */
export const isRsaKeySpec = (spec: string): spec is RsaKeySpec =>
  (rsaKeySpecs as readonly string[]).includes(spec);
/** Whether `spec` is an ECC key spec. */
export const isEccKeySpec = (spec: string): spec is EccKeySpec =>
  (eccKeySpecs as readonly string[]).includes(spec);

/** Symmetric key material is exactly this many bytes (docs/decisions/0002-material-is-exactly-32-bytes.md). */
export const symmetricKeyMaterialBytes = 32;

/**
 * The lengths of HMAC key material a key spec takes, in bytes: at least the hash's output and at
 * most its block size, as AWS documents for imported HMAC keys.
 */
export const hmacMaterialBytes: Readonly<
  Record<HmacKeySpec, { readonly min: number; readonly max: number }>
> = {
  HMAC_224: { min: 28, max: 64 },
  HMAC_256: { min: 32, max: 64 },
  HMAC_384: { min: 48, max: 128 },
  HMAC_512: { min: 64, max: 128 },
};

/** The modulus length of an RSA key spec, in bits. */
export const rsaModulusBits: Readonly<Record<RsaKeySpec, number>> = {
  RSA_2048: 2048,
  RSA_3072: 3072,
  RSA_4096: 4096,
};

/** The named curve of an ECC key spec, as OpenSSL (and Node's `namedCurve`) names it. */
export const eccCurves: Readonly<Record<EccKeySpec, string>> = {
  ECC_NIST_P256: "prime256v1",
  ECC_NIST_P384: "secp384r1",
  ECC_NIST_P521: "secp521r1",
  ECC_SECG_P256K1: "secp256k1",
};

/** The usages a key spec allows; the first is the one CreateKey assumes for symmetric keys. */
export const keyUsagesOf = (spec: KeySpec): readonly KeyUsage[] =>
  spec === "SYMMETRIC_DEFAULT"
    ? ["ENCRYPT_DECRYPT"]
    : isHmacKeySpec(spec)
      ? ["GENERATE_VERIFY_MAC"]
      : isRsaKeySpec(spec)
        ? ["ENCRYPT_DECRYPT", "SIGN_VERIFY"]
        : ["SIGN_VERIFY"];

/**
 * What the crypto provider found in unwrapped key material (it reports facts; the domain judges
 * them against the key spec). Symmetric and HMAC material is raw bytes; asymmetric material
 * must be a PKCS#8 DER private key, reported by type and size or curve, or as not one.
 */
export type MaterialFacts =
  | { readonly kind: "bytes"; readonly byteLength: number }
  | { readonly kind: "rsa"; readonly modulusBits: number }
  | { readonly kind: "ec"; readonly namedCurve: string }
  | { readonly kind: "other-private-key"; readonly keyType: string }
  | { readonly kind: "not-a-private-key" };

/** Whether material of `spec` is raw bytes or a PKCS#8 private key. */
export const materialFormOf = (spec: KeySpec): "bytes" | "pkcs8" =>
  spec === "SYMMETRIC_DEFAULT" || isHmacKeySpec(spec) ? "bytes" : "pkcs8";
