import type { ResultAsync } from "neverthrow";
import type {
  MacAlgorithm,
  rsaEncryptionAlgorithms,
  SigningAlgorithm,
} from "../domain/keyAlgorithms.js";
import type { KeyId } from "../domain/keyId.js";
import type { KeyMaterialId } from "../domain/keyMaterialId.js";
import type { MaterialFacts } from "../domain/keySpec.js";
import type { KmsError } from "../domain/kmsError.js";
import type { SupportedWrappingKeySpec, Wrapping } from "../domain/wrappingTable.js";

/** A fresh wrapping key pair: the public key for the customer, the private key sealed. */
export interface WrappingKeyPair {
  /** DER-encoded X.509 SubjectPublicKeyInfo. */
  readonly publicKey: Uint8Array;
  readonly sealedPrivateKey: Uint8Array;
}

/**
 * Key material as the service handles it: its ID, the sealed bytes, what the plaintext is (for
 * the domain to judge against the key spec) and, for a private key, its public key.
 */
export interface SealedKeyMaterial {
  readonly id: KeyMaterialId;
  readonly sealed: Uint8Array;
  readonly facts: MaterialFacts;
  /** The DER SubjectPublicKeyInfo of imported private key material. */
  readonly publicKey?: Uint8Array;
}

/** An RSA encryption algorithm of an asymmetric encryption key. */
export type RsaEncryptionAlgorithm = (typeof rsaEncryptionAlgorithms)[number];

/** Whether a signature covers the message or a digest of it the caller computed. */
export type MessageType = "RAW" | "DIGEST";

/** What {@link CryptoProvider.unwrapKeyMaterial} needs. */
export interface UnwrapRequest {
  readonly keyId: KeyId;
  readonly wrapping: Wrapping;
  readonly sealedPrivateKey: Uint8Array;
  readonly encryptedKeyMaterial: Uint8Array;
  /** Raw bytes (symmetric, HMAC; the default) or a PKCS#8 DER private key (RSA, ECC): what to look for. */
  readonly form?: "bytes" | "pkcs8";
}

/**
 * The cryptography behind the service. Plaintext key material and wrapping private keys never
 * leave it: it hands out only sealed bytes (docs/decisions/0011-nothing-secret-reaches-the-store.md), public keys and key material IDs (docs/decisions/0010-key-material-id.md), and
 * uses the material for the data plane itself.
 */
export interface CryptoProvider {
  /** A fresh RSA wrapping key pair of `spec`, used for one parameter set only (docs/decisions/0007-single-use-import-tokens.md). */
  generateWrappingKeyPair(spec: SupportedWrappingKeySpec): ResultAsync<WrappingKeyPair, KmsError>;
  /**
   * Unwraps imported material with the sealed private key and seals it.
   *
   * Errors: `InvalidCiphertextException` when the material does not unwrap.
   */
  unwrapKeyMaterial(request: UnwrapRequest): ResultAsync<SealedKeyMaterial, KmsError>;
  /** Generates 32 bytes of material for an `AWS_KMS` key, sealed. */
  generateKeyMaterial(keyId: KeyId): ResultAsync<SealedKeyMaterial, KmsError>;
  /**
   * Encrypts data-plane `plaintext` with AES-256-GCM under the key material that
   * `sealedMaterial` holds, authenticating `additionalData`. The result is opaque: only
   * {@link CryptoProvider.decrypt} with the same material and data opens it.
   *
   * Errors: `InvalidCiphertextException` when `sealedMaterial` was not sealed by this provider.
   */
  encrypt(
    sealedMaterial: Uint8Array,
    plaintext: Uint8Array,
    additionalData: Uint8Array,
  ): ResultAsync<Uint8Array, KmsError>;
  /**
   * Opens what {@link CryptoProvider.encrypt} made.
   *
   * Errors: `InvalidCiphertextException` for other material, other additional data or any
   * changed bit.
   */
  decrypt(
    sealedMaterial: Uint8Array,
    ciphertext: Uint8Array,
    additionalData: Uint8Array,
  ): ResultAsync<Uint8Array, KmsError>;
  /**
   * Signs `message` (or, for `DIGEST`, the digest it is, with every signing algorithm, ECDSA
   * included) with the private key that `sealedMaterial` holds.
   *
   * Errors: `InvalidCiphertextException` when `sealedMaterial` was not sealed by this provider.
   */
  sign(
    sealedMaterial: Uint8Array,
    message: Uint8Array,
    algorithm: SigningAlgorithm,
    messageType: MessageType,
  ): ResultAsync<Uint8Array, KmsError>;
  /** Whether `signature` is a signature of `message` under the public key `publicKey` (DER SPKI). */
  verify(
    publicKey: Uint8Array,
    message: Uint8Array,
    signature: Uint8Array,
    algorithm: SigningAlgorithm,
    messageType: MessageType,
  ): ResultAsync<boolean, KmsError>;
  /** The HMAC of `message` under the HMAC key that `sealedMaterial` holds. */
  generateMac(
    sealedMaterial: Uint8Array,
    message: Uint8Array,
    algorithm: MacAlgorithm,
  ): ResultAsync<Uint8Array, KmsError>;
  /** Whether `mac` is the HMAC of `message` under that key (compared in constant time). */
  verifyMac(
    sealedMaterial: Uint8Array,
    message: Uint8Array,
    mac: Uint8Array,
    algorithm: MacAlgorithm,
  ): ResultAsync<boolean, KmsError>;
  /** RSAES-OAEP encryption of `plaintext` under the public key `publicKey` (DER SPKI). */
  encryptAsymmetric(
    publicKey: Uint8Array,
    plaintext: Uint8Array,
    algorithm: RsaEncryptionAlgorithm,
  ): ResultAsync<Uint8Array, KmsError>;
  /**
   * Opens what {@link CryptoProvider.encryptAsymmetric} made, with the private key that
   * `sealedMaterial` holds.
   *
   * Errors: `InvalidCiphertextException` for another key, algorithm or any changed bit.
   */
  decryptAsymmetric(
    sealedMaterial: Uint8Array,
    ciphertext: Uint8Array,
    algorithm: RsaEncryptionAlgorithm,
  ): ResultAsync<Uint8Array, KmsError>;
  /**
   * Drops whatever the provider keeps in memory for `sealedMaterial`, such as the opened key a
   * data-plane call cached. The service calls it when the material leaves use: deleted, expired,
   * or its key scheduled for deletion or gone. Optional: a provider that keeps nothing omits it.
   */
  forgetMaterial?(sealedMaterial: Uint8Array): void;
  /** `count` cryptographically random bytes, such as a data key. */
  randomBytes(count: number): ResultAsync<Uint8Array, KmsError>;
  /** Seals `plaintext` under the root key, bound to `purpose`. */
  seal(plaintext: Uint8Array, purpose: string): ResultAsync<Uint8Array, KmsError>;
  /**
   * Opens what {@link CryptoProvider.seal} sealed for the same `purpose`.
   *
   * Errors: `InvalidCiphertextException` for anything else (tampered, foreign, other purpose).
   */
  unseal(sealed: Uint8Array, purpose: string): ResultAsync<Uint8Array, KmsError>;
}
