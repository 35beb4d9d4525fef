import {
  type EncryptionAlgorithm,
  keyAlgorithms,
  type MacAlgorithm,
  type SigningAlgorithm,
} from "./keyAlgorithms.js";
import type { KeyRecord } from "./keyRecord.js";
import type { KeySpec, KeyUsage } from "./keySpec.js";
import { keySpecOf, keyUsageOf } from "./keySpecOf.js";
import type { ExpirationModel, KeyState, Origin } from "./keyState.js";

/** `KeyMetadata` as DescribeKey, CreateKey and the AWS SDK shape it (the members kms-byok models). */
export interface KeyMetadata {
  readonly AWSAccountId: string;
  readonly KeyId: string;
  readonly Arn: string;
  readonly CreationDate: Date;
  readonly Enabled: boolean;
  readonly Description: string;
  readonly KeyUsage: KeyUsage;
  readonly KeyState: KeyState;
  readonly DeletionDate?: Date;
  readonly ValidTo?: Date;
  readonly Origin: Origin;
  readonly ExpirationModel?: ExpirationModel;
  readonly KeyManager: "CUSTOMER";
  readonly CustomerMasterKeySpec: KeySpec;
  readonly KeySpec: KeySpec;
  readonly EncryptionAlgorithms?: EncryptionAlgorithm[];
  readonly SigningAlgorithms?: SigningAlgorithm[];
  readonly MacAlgorithms?: MacAlgorithm[];
  readonly MultiRegion: false;
  readonly CurrentKeyMaterialId?: string;
}

/**
 * Renders a key as AWS renders `KeyMetadata`: `Enabled` only in state `Enabled`;
 * `ExpirationModel` only for an `EXTERNAL` key holding material; `ValidTo` only while
 * expiring material is present; `CurrentKeyMaterialId` from the first import on (kept after
 * deletion), for symmetric keys only; `DeletionDate` only while pending deletion; the algorithms
 * of the key's spec and usage (docs/decisions/0031-hmac-and-asymmetric-import.md).
 *
 * @example
 * ```ts
 * keyMetadata(key).KeyState; // "PendingImport"
 * ```
 */
export function keyMetadata(key: KeyRecord): KeyMetadata {
  const spec = keySpecOf(key);
  const usage = keyUsageOf(key);
  const { encryption, signing, mac } = keyAlgorithms(spec, usage);
  const material = key.keyState === "PendingImport" ? undefined : key.material;
  const external = key.origin === "EXTERNAL" && material !== undefined;
  return {
    AWSAccountId: key.accountId,
    KeyId: key.keyId,
    Arn: key.arn,
    CreationDate: key.creationDate,
    Enabled: key.keyState === "Enabled",
    Description: key.description,
    KeyUsage: usage,
    KeyState: key.keyState,
    ...(key.keyState === "PendingDeletion" ? { DeletionDate: key.deletionDate } : {}),
    ...(external && material.validTo !== undefined ? { ValidTo: material.validTo } : {}),
    Origin: key.origin,
    ...(external
      ? {
          ExpirationModel:
            material.validTo === undefined
              ? "KEY_MATERIAL_DOES_NOT_EXPIRE"
              : "KEY_MATERIAL_EXPIRES",
        }
      : {}),
    KeyManager: "CUSTOMER",
    CustomerMasterKeySpec: spec,
    KeySpec: spec,
    ...(encryption === undefined ? {} : { EncryptionAlgorithms: [...encryption] }),
    ...(signing === undefined ? {} : { SigningAlgorithms: [...signing] }),
    ...(mac === undefined ? {} : { MacAlgorithms: [...mac] }),
    MultiRegion: false,
    ...(key.boundMaterialId === undefined || spec !== "SYMMETRIC_DEFAULT"
      ? {}
      : { CurrentKeyMaterialId: key.boundMaterialId }),
  };
}
