import {
  constants,
  createPrivateKey,
  type KeyObject,
  privateDecrypt,
  publicEncrypt,
  randomBytes,
} from "node:crypto";
import { err, ok, okAsync, type Result, ResultAsync } from "neverthrow";
import type { KeyId } from "../domain/keyId.js";
import { type KmsError, kmsError } from "../domain/kmsError.js";
import type { SupportedWrappingKeySpec } from "../domain/wrappingTable.js";
import type {
  CryptoProvider,
  SealedKeyMaterial,
  WrappingKeyPair,
} from "../ports/cryptoProvider.js";
import { aesGcmDecrypt, aesGcmEncrypt } from "./aesGcm.js";
import { aesGcmSealer, type Sealer } from "./aesGcmSealer.js";
import { deriveKeyMaterialId } from "./deriveKeyMaterialId.js";
import { keyObjectCache } from "./keyObjectCache.js";
import { unwrapKeyMaterial } from "./unwrapKeyMaterial.js";
import { wrappingKeyPool } from "./wrappingKeyPool.js";
import type { WrappingKeySource } from "./wrappingKeySource.js";

/** What an RSA-wrapping crypto provider is made of. */
export interface RsaCryptoProviderOptions {
  /** 32 bytes; everything secret is sealed under it. */
  readonly rootKey: Uint8Array;
  readonly wrappingKeys: WrappingKeySource;
  /** How many ready wrapping key pairs to keep per spec, refilled in the background; 0 when absent. */
  readonly poolSize?: number;
}

/** A crypto provider with a wrapping key pool to fill ahead of time and to close. */
export interface RsaCryptoProvider extends CryptoProvider {
  /**
   * Fills the wrapping key pool of `specs` (all three RSA specs when absent); resolves when it
   * is full. Without it, a spec's pool starts filling after its first use.
   */
  prefill(specs?: readonly SupportedWrappingKeySpec[]): Promise<void>;
  /**
   * Stops refilling the pool and drops its key pairs; resolves once no key generation is left
   * running, so a process or test can exit. The provider keeps working, generating on demand.
   */
  close(): Promise<void>;
}

/** How many parsed private keys of handed-out parameter sets stay in memory. */
const cachedPrivateKeys = 1_000;

const purposes = {
  privateKey: "kms-byok/wrapping-private-key/v1",
  material: "kms-byok/key-material/v1",
} as const;

/**
 * A {@link CryptoProvider} on `node:crypto` that takes its wrapping key pairs from a
 * {@link WrappingKeySource}, through a pool that exports and seals them ahead of use. Private
 * keys and material are sealed before they leave it, and plaintext buffers are zeroed after
 * use; the parsed private keys of handed-out parameter sets stay in memory (bounded), so an
 * import does not parse them again.
 */
export function rsaCryptoProvider(options: RsaCryptoProviderOptions): RsaCryptoProvider {
  const sealer = aesGcmSealer(options.rootKey);
  const privateKeys = keyObjectCache(cachedPrivateKeys);
  const pool = wrappingKeyPool({
    size: options.poolSize ?? 0,
    generate: async (spec): Promise<{ pair: WrappingKeyPair; privateKey: KeyObject }> => {
      const { publicKey, privateKey } = await options.wrappingKeys(spec);
      const der = privateKey.export({ type: "pkcs8", format: "der" });
      const sealedPrivateKey = sealer.seal(der, purposes.privateKey);
      der.fill(0);
      warmUp(publicKey, privateKey);
      return {
        pair: { publicKey: publicKey.export({ type: "spki", format: "der" }), sealedPrivateKey },
        privateKey,
      };
    },
  });
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
    return asyncResult(result);
  };
  return {
    generateWrappingKeyPair: (spec) =>
      ResultAsync.fromSafePromise(pool.take(spec)).map(({ pair, privateKey }) => {
        privateKeys.remember(pair.sealedPrivateKey, privateKey);
        return pair;
      }),
    unwrapKeyMaterial: (request) => {
      const cached = privateKeys.find(request.sealedPrivateKey);
      const privateKey: Result<KeyObject, KmsError> =
        cached === undefined
          ? sealer.open(request.sealedPrivateKey, purposes.privateKey).map((der) => {
              const parsed = createPrivateKey({ key: der, format: "der", type: "pkcs8" });
              der.fill(0);
              return parsed;
            })
          : ok(cached);
      const result = privateKey
        .andThen((privateKey) =>
          unwrapKeyMaterial(privateKey, request.wrapping, request.encryptedKeyMaterial),
        )
        .map((material) => sealMaterial(sealer, request.keyId, material));
      return asyncResult(result);
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
    unseal: (sealed, purpose) => asyncResult(sealer.open(sealed, purpose)),
    prefill: pool.fill,
    close: async () => {
      await pool.close();
      privateKeys.clear();
    },
  };
}

/** A synchronous result as the port's `ResultAsync`. */
function asyncResult<T>(result: Result<T, KmsError>): ResultAsync<T, KmsError> {
  return new ResultAsync(Promise.resolve(result));
}

/**
 * OpenSSL sets up a key's Montgomery and blinding state on its first private operation (0.3 ms
 * for RSA_2048, 0.8 ms for RSA_4096); doing one here, ahead of time, keeps it out of the import.
 */
function warmUp(publicKey: KeyObject, privateKey: KeyObject): void {
  const oaep = { padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: "sha256" };
  privateDecrypt(
    { key: privateKey, ...oaep },
    publicEncrypt({ key: publicKey, ...oaep }, Buffer.alloc(32)),
  );
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
