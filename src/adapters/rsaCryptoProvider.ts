import {
  constants,
  createHmac,
  createPrivateKey,
  createPublicKey,
  createSecretKey,
  type KeyObject,
  privateDecrypt,
  publicEncrypt,
  randomBytes,
  timingSafeEqual,
} from "node:crypto";
import { err, errAsync, ok, okAsync, type Result, ResultAsync } from "neverthrow";
import type { MacAlgorithm } from "../domain/keyAlgorithms.js";
import type { KeyId } from "../domain/keyId.js";
import { type KmsError, kmsError } from "../domain/kmsError.js";
import type { SupportedWrappingKeySpec } from "../domain/wrappingTable.js";
import type {
  CryptoProvider,
  RsaEncryptionAlgorithm,
  SealedKeyMaterial,
  WrappingKeyPair,
} from "../ports/cryptoProvider.js";
import { aesGcmDecrypt, aesGcmEncrypt } from "./aesGcm.js";
import { aesGcmSealer, type Sealer } from "./aesGcmSealer.js";
import { deriveKeyMaterialId } from "./deriveKeyMaterialId.js";
import { keyObjectCache } from "./keyObjectCache.js";
import { type MaterialKeyKind, materialKeyCache } from "./materialKeyCache.js";
import { privateKeyFacts } from "./privateKeyFacts.js";
import { signMessage, verifySignature } from "./signatures.js";
import { unwrapKeyMaterial } from "./unwrapKeyMaterial.js";
import { wrappingKeyPool } from "./wrappingKeyPool.js";
import type { WrappingKeySource } from "./wrappingKeySource.js";
import { wrappingKeyThrottled } from "./wrappingKeyThrottled.js";

/** What an RSA-wrapping crypto provider is made of. */
export interface RsaCryptoProviderOptions {
  /** 32 bytes; everything secret is sealed under it. */
  readonly rootKey: Uint8Array;
  readonly wrappingKeys: WrappingKeySource;
  /** How many ready wrapping key pairs to keep per spec, refilled in the background; 0 when absent. */
  readonly poolSize?: number;
  /**
   * How many opened key materials to keep as `KeyObject`s for the data plane;
   * 10,000 when absent, 0 to open the sealed material on every call.
   */
  readonly materialCacheSize?: number | undefined;
  /** How many pairs of one spec the pool generates at once while filling; 1 when absent. */
  readonly generators?: number | undefined;
  /**
   * At most this many pairs of one spec generated on demand at once (its pool empty); beyond
   * that `generateWrappingKeyPair` answers `ThrottlingException` at once. No limit when absent.
   */
  readonly maxOnDemand?: number | undefined;
}

/** A crypto provider with a wrapping key pool to fill ahead of time and to close. */
export interface RsaCryptoProvider extends CryptoProvider {
  /**
   * Fills the wrapping key pool of `specs` (all three RSA specs when absent); resolves when it
   * is full. Without it, a spec's pool starts filling after its first use.
   */
  prefill(specs?: readonly SupportedWrappingKeySpec[]): Promise<void>;
  /** How many ready wrapping key pairs of `spec` the pool holds now. */
  readyWrappingKeys(spec: SupportedWrappingKeySpec): number;
  /**
   * Stops refilling the pool and drops its key pairs; resolves once no key generation is left
   * running, so a process or test can exit. The provider keeps working, generating on demand.
   */
  close(): Promise<void>;
}

/** How many opened key materials stay in memory unless the options say otherwise. */
const defaultMaterialCacheSize = 10_000;

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
    generators: options.generators,
    maxOnDemand: options.maxOnDemand,
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
  const materialKeys = materialKeyCache(options.materialCacheSize ?? defaultMaterialCacheSize);
  /** The material `sealedMaterial` holds as a `KeyObject`, opened once and then cached. */
  const keyOf = (sealedMaterial: Uint8Array, kind: MaterialKeyKind) =>
    materialKeys.keyOf(sealedMaterial, kind, () =>
      sealer.open(sealedMaterial, purposes.material).map((material) => {
        try {
          return kind === "secret" ? createSecretKey(material) : privateKeyOf(material);
        } finally {
          material.fill(0);
        }
      }),
    );
  return {
    generateWrappingKeyPair: (spec) => {
      const taken = pool.tryTake(spec);
      if (taken === undefined) return errAsync(wrappingKeyThrottled(spec, pool.onDemand(spec)));
      return ResultAsync.fromSafePromise(taken).map(({ pair, privateKey }) => {
        privateKeys.remember(pair.sealedPrivateKey, privateKey);
        return pair;
      });
    },
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
        .map((material) => sealMaterial(sealer, request.keyId, material, request.form));
      return asyncResult(result);
    },
    generateKeyMaterial: (keyId) => okAsync(sealMaterial(sealer, keyId, randomBytes(32))),
    encrypt: (sealedMaterial, plaintext, additionalData) =>
      asyncResult(
        keyOf(sealedMaterial, "secret").map((key) => aesGcmEncrypt(key, plaintext, additionalData)),
      ),
    decrypt: (sealedMaterial, ciphertext, additionalData) =>
      withKey(keyOf(sealedMaterial, "secret"), (key) => {
        const plaintext = aesGcmDecrypt(key, ciphertext, additionalData);
        return plaintext === undefined
          ? err(
              kmsError(
                "InvalidCiphertextException",
                "The ciphertext does not decrypt: it was changed, or the encryption context differs from the one it was encrypted with.",
              ),
            )
          : ok(plaintext);
      }),
    sign: (sealedMaterial, message, algorithm, messageType) =>
      asyncResult(
        keyOf(sealedMaterial, "private").map((key) =>
          signMessage(key, message, algorithm, messageType),
        ),
      ),
    verify: (publicKey, message, signature, algorithm, messageType) =>
      okAsync(
        verifySignature(
          createPublicKey({ key: Buffer.from(publicKey), format: "der", type: "spki" }),
          message,
          signature,
          algorithm,
          messageType,
        ),
      ),
    generateMac: (sealedMaterial, message, algorithm) =>
      asyncResult(keyOf(sealedMaterial, "secret").map((key) => hmac(key, message, algorithm))),
    verifyMac: (sealedMaterial, message, mac, algorithm) =>
      withKey(keyOf(sealedMaterial, "secret"), (key) => {
        const expected = hmac(key, message, algorithm);
        return ok(expected.length === mac.length && timingSafeEqual(expected, mac));
      }),
    encryptAsymmetric: (publicKey, plaintext, algorithm) =>
      okAsync(
        new Uint8Array(
          publicEncrypt(
            {
              key: createPublicKey({ key: Buffer.from(publicKey), format: "der", type: "spki" }),
              padding: constants.RSA_PKCS1_OAEP_PADDING,
              oaepHash: oaepHashOf(algorithm),
            },
            plaintext,
          ),
        ),
      ),
    decryptAsymmetric: (sealedMaterial, ciphertext, algorithm) =>
      withKey(keyOf(sealedMaterial, "private"), (key) => {
        try {
          return ok(
            new Uint8Array(
              privateDecrypt(
                {
                  key,
                  padding: constants.RSA_PKCS1_OAEP_PADDING,
                  oaepHash: oaepHashOf(algorithm),
                },
                ciphertext,
              ),
            ),
          );
        } catch {
          return err(
            kmsError(
              "InvalidCiphertextException",
              `The ciphertext does not decrypt with this key's private key and ${algorithm}.`,
            ),
          );
        }
      }),
    randomBytes: (count) => okAsync(randomBytes(count)),
    seal: (plaintext, purpose) => okAsync(sealer.seal(plaintext, purpose)),
    unseal: (sealed, purpose) => asyncResult(sealer.open(sealed, purpose)),
    prefill: pool.fill,
    readyWrappingKeys: pool.available,
    forgetMaterial: (sealedMaterial) => materialKeys.forget(sealedMaterial),
    close: async () => {
      await pool.close();
      privateKeys.clear();
      materialKeys.clear();
    },
  };
}

/** A synchronous result as the port's `ResultAsync`. */
function asyncResult<T>(result: Result<T, KmsError>): ResultAsync<T, KmsError> {
  return new ResultAsync(Promise.resolve(result));
}

/** `use` of the key, if there is one, as the port's `ResultAsync`. */
function withKey<T>(
  key: Result<KeyObject, KmsError>,
  use: (key: KeyObject) => Result<T, KmsError>,
): ResultAsync<T, KmsError> {
  return asyncResult(key.andThen(use));
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

function sealMaterial(
  sealer: Sealer,
  keyId: KeyId,
  material: Buffer,
  form: "bytes" | "pkcs8" = "bytes",
): SealedKeyMaterial {
  const sealed: SealedKeyMaterial = {
    id: deriveKeyMaterialId(keyId, material),
    sealed: sealer.seal(material, purposes.material),
    ...(form === "bytes"
      ? { facts: { kind: "bytes", byteLength: material.length } }
      : privateKeyFacts(material)),
  };
  material.fill(0);
  return sealed;
}

function privateKeyOf(material: Buffer): KeyObject {
  return createPrivateKey({ key: material, format: "der", type: "pkcs8" });
}

function hmac(key: KeyObject, message: Uint8Array, algorithm: MacAlgorithm): Buffer {
  return createHmac(`sha${algorithm.slice(-3)}`, key)
    .update(message)
    .digest();
}

function oaepHashOf(algorithm: RsaEncryptionAlgorithm): string {
  return algorithm === "RSAES_OAEP_SHA_1" ? "sha1" : "sha256";
}
