import { createPrivateKey, randomBytes } from "node:crypto";
import { err, errAsync, ok, okAsync, type Result, ResultAsync } from "neverthrow";
import type { KeyId } from "../domain/keyId.js";
import { type KmsError, kmsError } from "../domain/kmsError.js";
import type { CryptoProvider, SealedKeyMaterial } from "../ports/cryptoProvider.js";
import { aesGcmDecrypt, aesGcmEncrypt } from "./aesGcm.js";
import { aesGcmSealer, type Sealer } from "./aesGcmSealer.js";
import { deriveKeyMaterialId } from "./deriveKeyMaterialId.js";
import { unwrapKeyMaterial } from "./unwrapKeyMaterial.js";
import type { WrappingKeySource } from "./wrappingKeySource.js";

/** What an RSA-wrapping crypto provider is made of. */
export interface RsaCryptoProviderOptions {
  /** 32 bytes; everything secret is sealed under it. */
  readonly rootKey: Uint8Array;
  readonly wrappingKeys: WrappingKeySource;
}

const purposes = {
  privateKey: "kms-byok/wrapping-private-key/v1",
  material: "kms-byok/key-material/v1",
} as const;

/**
 * A {@link CryptoProvider} on `node:crypto` that takes its wrapping key pairs from a
 * {@link WrappingKeySource}. Private keys and material are sealed before they leave it, and
 * plaintext buffers are zeroed after use.
 */
export function rsaCryptoProvider(options: RsaCryptoProviderOptions): CryptoProvider {
  const sealer = aesGcmSealer(options.rootKey);
  /** Runs `use` with the opened material and zeroes it afterwards. */
  const withMaterial = <T>(
    sealedMaterial: Uint8Array,
    use: (material: Buffer) => Result<T, KmsError>,
  ): ResultAsync<T, KmsError> => {
    const result = sealer.open(sealedMaterial, purposes.material).andThen((material) => {
      try {
        return use(material);
      } finally {
        material.fill(0);
      }
    });
    return result.isOk() ? okAsync(result.value) : errAsync(result.error);
  };
  return {
    generateWrappingKeyPair: (spec) =>
      ResultAsync.fromSafePromise(options.wrappingKeys(spec)).map(({ publicKey, privateKey }) => {
        const der = privateKey.export({ type: "pkcs8", format: "der" });
        const sealedPrivateKey = sealer.seal(der, purposes.privateKey);
        der.fill(0);
        return { publicKey: publicKey.export({ type: "spki", format: "der" }), sealedPrivateKey };
      }),
    unwrapKeyMaterial: (request) => {
      const result = sealer
        .open(request.sealedPrivateKey, purposes.privateKey)
        .map((der) => {
          const privateKey = createPrivateKey({ key: der, format: "der", type: "pkcs8" });
          der.fill(0);
          return privateKey;
        })
        .andThen((privateKey) =>
          unwrapKeyMaterial(privateKey, request.wrapping, request.encryptedKeyMaterial),
        )
        .map((material) => sealMaterial(sealer, request.keyId, material));
      return result.isOk() ? okAsync(result.value) : errAsync(result.error);
    },
    generateKeyMaterial: (keyId) => okAsync(sealMaterial(sealer, keyId, randomBytes(32))),
    encrypt: (sealedMaterial, plaintext, additionalData) =>
      withMaterial(sealedMaterial, (material) =>
        ok(aesGcmEncrypt(material, plaintext, additionalData)),
      ),
    decrypt: (sealedMaterial, ciphertext, additionalData) =>
      withMaterial(sealedMaterial, (material) => {
        const plaintext = aesGcmDecrypt(material, ciphertext, additionalData);
        return plaintext === undefined
          ? err(
              kmsError(
                "InvalidCiphertextException",
                "The ciphertext does not decrypt: it was changed, or the encryption context differs from the one it was encrypted with.",
              ),
            )
          : ok(plaintext);
      }),
    randomBytes: (count) => okAsync(randomBytes(count)),
    seal: (plaintext, purpose) => okAsync(sealer.seal(plaintext, purpose)),
    unseal: (sealed, purpose) => {
      const opened = sealer.open(sealed, purpose);
      return opened.isOk() ? okAsync(opened.value) : errAsync(opened.error);
    },
  };
}

function sealMaterial(sealer: Sealer, keyId: KeyId, material: Buffer): SealedKeyMaterial {
  const sealed = {
    id: deriveKeyMaterialId(keyId, material),
    sealed: sealer.seal(material, purposes.material),
    byteLength: material.length,
  };
  material.fill(0);
  return sealed;
}
