import type { KeyArn } from "./keyArn.js";
import type { KeyId } from "./keyId.js";
import type { KeyMaterialId } from "./keyMaterialId.js";
import type { KeySpec, KeyUsage } from "./keySpec.js";
import type { Origin } from "./keyState.js";
import type { SupportedWrappingAlgorithm, SupportedWrappingKeySpec } from "./wrappingTable.js";

/**
 * Key material held by a key: its ID and the material sealed by the crypto provider (docs/decisions/0011-nothing-secret-reaches-the-store.md).
 * `validTo` is present exactly when the material expires (`KEY_MATERIAL_EXPIRES`).
 */
export interface KeyMaterial {
  readonly id: KeyMaterialId;
  readonly sealed: Uint8Array;
  readonly validTo?: Date;
  /** The `KeyMaterialDescription` it was imported with (the current profile keeps it). */
  readonly description?: string;
  /** When a rotation made it the key's current material; absent for a key's first material. */
  readonly rotationDate?: Date;
}

/**
 * Where a material of a key stands (`KeyMaterialState`, docs/decisions/0030-rotation-of-imported-material.md): the one encrypting now, one
 * that only decrypts, or one imported for the next rotation.
 */
export type KeyMaterialState = "CURRENT" | "NON_CURRENT" | "PENDING_ROTATION";

/**
 * A material of a key that is not in `material`: rotated away from, waiting for a rotation, or
 * (`CURRENT`) the current one while another material of the key is missing. `sealed` and
 * `validTo` are present while the material is imported.
 */
export interface OtherMaterial {
  readonly id: KeyMaterialId;
  readonly state: KeyMaterialState;
  readonly sealed?: Uint8Array;
  readonly validTo?: Date;
  readonly description?: string;
  readonly rotationDate?: Date;
}

/**
 * One GetParametersForImport answer (docs/decisions/0007-single-use-import-tokens.md): the sealed private half of a fresh wrapping key pair,
 * the algorithm the customer wraps with, and when the set expires. The set is spent by the
 * first successful import.
 */
export interface ParameterSet {
  readonly id: string;
  readonly wrappingAlgorithm: SupportedWrappingAlgorithm;
  readonly wrappingKeySpec: SupportedWrappingKeySpec;
  readonly sealedPrivateKey: Uint8Array;
  readonly validTo: Date;
}

/** One tag of a key: a key unique within the key's tags (case-sensitive), and a value. */
export interface KeyTag {
  readonly key: string;
  readonly value: string;
}

/** Automatic rotation of an `AWS_KMS` key, while enabled. */
export interface KeyRotation {
  /** When rotation was last enabled; rotation dates count from here. */
  readonly enabledAt: Date;
  /** 90–2560 days between rotations. */
  readonly periodInDays: number;
}

/** What every key record holds, whatever its state. */
export interface KeyRecordBase {
  readonly arn: KeyArn;
  readonly keyId: KeyId;
  readonly accountId: string;
  readonly region: string;
  readonly creationDate: Date;
  readonly description: string;
  readonly origin: Origin;
  /**
   * The key spec of an HMAC or asymmetric key (the `current` profile, docs/decisions/0031-hmac-and-asymmetric-import.md); absent for a
   * symmetric encryption key.
   */
  readonly keySpec?: Exclude<KeySpec, "SYMMETRIC_DEFAULT">;
  /** The key usage of an HMAC or asymmetric key; absent for a symmetric encryption key. */
  readonly keyUsage?: KeyUsage;
  /**
   * The DER SubjectPublicKeyInfo of an asymmetric key's imported private key, from its first
   * import on (the material is bound forever, so it never changes).
   */
  readonly publicKey?: Uint8Array;
  /**
   * The ID of the key's current material, from its first import (or generation) on, also while
   * that material is missing. The `classic` profile binds it forever (docs/decisions/0004-material-bound-forever.md); in the `current`
   * profile a rotation changes it (docs/decisions/0030-rotation-of-imported-material.md).
   */
  readonly boundMaterialId?: KeyMaterialId;
  /**
   * The key's other materials, oldest first: present only once a key of the `current` profile
   * has more than one (docs/decisions/0030-rotation-of-imported-material.md). While any material the key depends on is missing, the
   * current one is kept here too, and `material` is absent.
   */
  readonly otherMaterials?: readonly OtherMaterial[];
  /** Live import parameter sets, oldest first; at most ten (docs/decisions/0007-single-use-import-tokens.md). */
  readonly parameterSets: readonly ParameterSet[];
  /** The key's tags in the order they were first set; absent when it has none. */
  readonly tags?: readonly KeyTag[];
  /** The key policy document as last set; absent while the key has AWS's default policy. */
  readonly policy?: string;
  /** Automatic rotation, present while enabled (`AWS_KMS` keys only). */
  readonly rotation?: KeyRotation;
}

/** A key that has no material: waiting for the first import, or for reimport after expiry or deletion. */
export interface PendingImportKey extends KeyRecordBase {
  readonly keyState: "PendingImport";
}

/** A key whose material is present: usable when `Enabled`, deliberately not when `Disabled`. */
export interface KeyWithMaterial extends KeyRecordBase {
  readonly keyState: "Enabled" | "Disabled";
  readonly material: KeyMaterial;
}

/** A key scheduled for deletion; it may or may not still hold its material (docs/decisions/0006-losing-material-means-pending-import.md). */
export interface PendingDeletionKey extends KeyRecordBase {
  readonly keyState: "PendingDeletion";
  readonly deletionDate: Date;
  readonly pendingWindowInDays: number;
  readonly material?: KeyMaterial;
}

/**
 * The stored state of one key: a union on `keyState`, so material exists only where it can
 * (an `Enabled` key always has material, a `PendingImport` key never does).
 */
export type KeyRecord = PendingImportKey | KeyWithMaterial | PendingDeletionKey;
