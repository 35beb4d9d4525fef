import {
  constants,
  createCipheriv,
  createPublicKey,
  KeyObject,
  publicEncrypt,
  randomBytes,
} from "node:crypto";
import { err, ok, type Result } from "neverthrow";
import { type KmsError, kmsError } from "../domain/kmsError.js";
import {
  aesKeyWrapInitialValue,
  type SupportedWrappingAlgorithm,
  type WrappingAlgorithm,
  wrappingSchemes,
} from "../domain/wrappingTable.js";

/** What {@link wrapKeyMaterial} needs. */
export interface WrapKeyMaterialInput {
  /** The `PublicKey` of a GetParametersForImport response (DER SubjectPublicKeyInfo), or a `KeyObject`. */
  readonly publicKey: Uint8Array | KeyObject;
  /** The `WrappingAlgorithm` that GetParametersForImport was called with. */
  readonly wrappingAlgorithm: WrappingAlgorithm;
  /**
   * The plaintext key material: raw bytes (32 for a symmetric key, the spec's range for an HMAC
   * key) as a `Uint8Array` or a secret `KeyObject`; for an RSA or ECC key, its private
   * `KeyObject`, wrapped as PKCS#8 DER, or those PKCS#8 DER bytes.
   */
  readonly keyMaterial: Uint8Array | KeyObject;
}

/**
 * Does the customer's side of an import: wraps key material with the public key from
 * GetParametersForImport, as AWS documents it with `openssl pkeyutl` (RSA-OAEP, MGF1 with the
 * same hash) or, for `RSA_AES_KEY_WRAP_*`, RSA-OAEP of a fresh AES-256 key followed by the
 * RFC 5649 key wrap with padding of the material. The result is the `EncryptedKeyMaterial`.
 *
 * Key material is raw bytes for symmetric and HMAC keys; for an asymmetric key AWS imports only
 * the private key, as PKCS#8 DER, which a private `KeyObject` is exported to. An RSA private key
 * is too large for RSA-OAEP: wrap it with `RSA_AES_KEY_WRAP_SHA_256` (or `_SHA_1`).
 *
 * Errors: `UnsupportedOperationException` for `RSAES_PKCS1_V1_5`, `SM2PKE` or an algorithm kms-byok
 * does not know; `ValidationException` for a public key that is not an RSA public key; for key
 * material that is a public `KeyObject` (the message says to give the private key), a private key
 * other than RSA or EC, or neither a `Uint8Array` nor a `KeyObject`; for material too long for
 * RSA-OAEP with that key (the message suggests `RSA_AES_KEY_WRAP_SHA_256`, for raw bytes and
 * PKCS#8 keys alike); or for empty material with `RSA_AES_KEY_WRAP_*`.
 *
 * @example
 * ```ts
 * const wrapped = wrapKeyMaterial({ publicKey: params.PublicKey, wrappingAlgorithm: "RSAES_OAEP_SHA_256", keyMaterial });
 * if (wrapped.isOk()) await kms.importKeyMaterial({ KeyId, ImportToken: params.ImportToken, EncryptedKeyMaterial: wrapped.value, ValidTo });
 * ```
 *
 * @example
 * ```ts
 * // An ECC_NIST_P256 key, created with KeySpec ECC_NIST_P256 and Origin EXTERNAL:
 * const { privateKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
 * const wrapped = wrapKeyMaterial({ publicKey: params.PublicKey, wrappingAlgorithm: "RSA_AES_KEY_WRAP_SHA_256", keyMaterial: privateKey });
 * ```
 */
export function wrapKeyMaterial(input: WrapKeyMaterialInput): Result<Uint8Array, KmsError> {
  if (!Object.hasOwn(wrappingSchemes, input.wrappingAlgorithm)) {
    return err(
      kmsError(
        "UnsupportedOperationException",
        `kms-byok cannot wrap with ${String(input.wrappingAlgorithm)}; use RSAES_OAEP_SHA_1, RSAES_OAEP_SHA_256, ` +
          "RSA_AES_KEY_WRAP_SHA_1 or RSA_AES_KEY_WRAP_SHA_256.",
      ),
    );
  }
  const scheme = wrappingSchemes[input.wrappingAlgorithm as SupportedWrappingAlgorithm];
  const publicKey = rsaPublicKey(input.publicKey);
  if (publicKey === undefined) {
    return err(
      kmsError(
        "ValidationException",
        "The public key is not a DER-encoded RSA SubjectPublicKeyInfo.",
      ),
    );
  }
  const material = materialBytes(input.keyMaterial);
  if (material.isErr()) return err(material.error);
  const { bytes, privateKeyType, exported } = material.value;
  const oaep = { key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: scheme.hash };
  try {
    if (!scheme.aesKeyWrap) {
      try {
        return ok(new Uint8Array(publicEncrypt(oaep, bytes)));
      } catch {
        const tooLong =
          privateKeyType === undefined
            ? `${bytes.byteLength} bytes of key material are too many`
            : `The ${bytes.byteLength}-byte PKCS#8 ${privateKeyType} private key is too large`;
        return err(
          kmsError(
            "ValidationException",
            `${tooLong} for ${input.wrappingAlgorithm} with this wrapping key; use RSA_AES_KEY_WRAP_SHA_256.`,
          ),
        );
      }
    }
    if (bytes.byteLength === 0) {
      return err(kmsError("ValidationException", "RFC 5649 cannot wrap empty key material."));
    }
    return ok(aesKeyWrap(oaep, bytes));
  } finally {
    if (exported) bytes.fill(0);
  }
}

/** RSA-OAEP of a fresh AES-256 key, then the RFC 5649 key wrap with padding of `material`. */
function aesKeyWrap(oaep: Parameters<typeof publicEncrypt>[0], material: Uint8Array): Uint8Array {
  const aesKey = randomBytes(32);
  const cipher = createCipheriv(
    "id-aes256-wrap-pad",
    aesKey,
    Buffer.from(aesKeyWrapInitialValue, "hex"),
  );
  const wrappedMaterial = Buffer.concat([cipher.update(material), cipher.final()]);
  const wrappedKey = publicEncrypt(oaep, aesKey);
  aesKey.fill(0);
  return new Uint8Array(Buffer.concat([wrappedKey, wrappedMaterial]));
}

/** The bytes to wrap: the material itself, a secret key's bytes or a private key's PKCS#8 DER. */
function materialBytes(material: Uint8Array | KeyObject): Result<
  {
    readonly bytes: Uint8Array;
    readonly privateKeyType?: "RSA" | "EC";
    /** Whether the bytes are a copy made here, to be zeroed after use. */
    readonly exported: boolean;
  },
  KmsError
> {
  if (material instanceof Uint8Array) return ok({ bytes: material, exported: false });
  if (!(material instanceof KeyObject)) {
    return err(
      kmsError("ValidationException", "The key material is neither a Uint8Array nor a KeyObject."),
    );
  }
  if (material.type === "secret") return ok({ bytes: material.export(), exported: true });
  if (material.type === "public") {
    return err(
      kmsError(
        "ValidationException",
        "The key material is a public key; give the private key: AWS KMS imports only the private key of an asymmetric key pair.",
      ),
    );
  }
  const type = material.asymmetricKeyType;
  if (type !== "rsa" && type !== "ec") {
    return err(
      kmsError(
        "ValidationException",
        `The key material is a private key of type ${type ?? "unknown"}; AWS KMS imports RSA and EC private keys.`,
      ),
    );
  }
  return ok({
    bytes: material.export({ format: "der", type: "pkcs8" }),
    privateKeyType: type === "rsa" ? "RSA" : "EC",
    exported: true,
  });
}

function rsaPublicKey(key: Uint8Array | KeyObject): KeyObject | undefined {
  try {
    const keyObject =
      key instanceof Uint8Array
        ? createPublicKey({ key: Buffer.from(key), format: "der", type: "spki" })
        : key;
    return keyObject.type === "public" && keyObject.asymmetricKeyType === "rsa"
      ? keyObject
      : undefined;
  } catch {
    return undefined;
  }
}
