import {
  constants,
  createCipheriv,
  createPublicKey,
  type KeyObject,
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
  /** The plaintext key material: 32 bytes for a symmetric key. */
  readonly keyMaterial: Uint8Array;
}

/**
 * Does the customer's side of an import: wraps key material with the public key from
 * GetParametersForImport, as AWS documents it with `openssl pkeyutl` (RSA-OAEP, MGF1 with the
 * same hash) or, for `RSA_AES_KEY_WRAP_*`, RSA-OAEP of a fresh AES-256 key followed by the
 * RFC 5649 key wrap with padding of the material. The result is the `EncryptedKeyMaterial`.
 *
 * Errors: `UnsupportedOperationException` for `RSAES_PKCS1_V1_5`, `SM2PKE` or an algorithm kms-byok
 * does not know; `ValidationException` for a public key that is not an RSA public key,
 * material too long for RSA-OAEP with that key, or empty material for `RSA_AES_KEY_WRAP_*`.
 *
 * @example
 * ```ts
 * const wrapped = wrapKeyMaterial({ publicKey: params.PublicKey, wrappingAlgorithm: "RSAES_OAEP_SHA_256", keyMaterial });
 * if (wrapped.isOk()) await kms.importKeyMaterial({ KeyId, ImportToken: params.ImportToken, EncryptedKeyMaterial: wrapped.value, ValidTo });
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
  const oaep = { key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: scheme.hash };
  if (!scheme.aesKeyWrap) {
    try {
      return ok(new Uint8Array(publicEncrypt(oaep, input.keyMaterial)));
    } catch {
      return err(
        kmsError(
          "ValidationException",
          `${input.keyMaterial.byteLength} bytes of key material are too many for ${input.wrappingAlgorithm} with this ` +
            "wrapping key; use RSA_AES_KEY_WRAP_SHA_256.",
        ),
      );
    }
  }
  if (input.keyMaterial.byteLength === 0) {
    return err(kmsError("ValidationException", "RFC 5649 cannot wrap empty key material."));
  }
  const aesKey = randomBytes(32);
  const cipher = createCipheriv(
    "id-aes256-wrap-pad",
    aesKey,
    Buffer.from(aesKeyWrapInitialValue, "hex"),
  );
  const wrappedMaterial = Buffer.concat([cipher.update(input.keyMaterial), cipher.final()]);
  const wrappedKey = publicEncrypt(oaep, aesKey);
  aesKey.fill(0);
  return ok(new Uint8Array(Buffer.concat([wrappedKey, wrappedMaterial])));
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
