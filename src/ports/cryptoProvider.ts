import type { ResultAsync } from "neverthrow";
import type { KeyId } from "../domain/keyId.js";
import type { KeyMaterialId } from "../domain/keyMaterialId.js";
import type { KmsError } from "../domain/kmsError.js";
import type { SupportedWrappingKeySpec, Wrapping } from "../domain/wrappingTable.js";

/** A fresh wrapping key pair: the public key for the customer, the private key sealed. */
export interface WrappingKeyPair {
  /** DER-encoded X.509 SubjectPublicKeyInfo. */
  readonly publicKey: Uint8Array;
  readonly sealedPrivateKey: Uint8Array;
}

/** Key material as the service handles it: its ID, the sealed bytes, and the plaintext length. */
export interface SealedKeyMaterial {
  readonly id: KeyMaterialId;
  readonly sealed: Uint8Array;
  readonly byteLength: number;
}

/** What {@link CryptoProvider.unwrapKeyMaterial} needs. */
export interface UnwrapRequest {
  readonly keyId: KeyId;
  readonly wrapping: Wrapping;
  readonly sealedPrivateKey: Uint8Array;
  readonly encryptedKeyMaterial: Uint8Array;
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
