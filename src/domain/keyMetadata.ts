import type { KeyRecord } from "./keyRecord.js";
import type { ExpirationModel, KeyState, Origin } from "./keyState.js";

/** `KeyMetadata` as DescribeKey, CreateKey and the AWS SDK shape it (the members kms-byok models). */
export interface KeyMetadata {
  readonly AWSAccountId: string;
  readonly KeyId: string;
  readonly Arn: string;
  readonly CreationDate: Date;
  readonly Enabled: boolean;
  readonly Description: string;
  readonly KeyUsage: "ENCRYPT_DECRYPT";
  readonly KeyState: KeyState;
  readonly DeletionDate?: Date;
  readonly ValidTo?: Date;
  readonly Origin: Origin;
  readonly ExpirationModel?: ExpirationModel;
  readonly KeyManager: "CUSTOMER";
  readonly CustomerMasterKeySpec: "SYMMETRIC_DEFAULT";
  readonly KeySpec: "SYMMETRIC_DEFAULT";
  readonly EncryptionAlgorithms: "SYMMETRIC_DEFAULT"[];
  readonly MultiRegion: false;
  readonly CurrentKeyMaterialId?: string;
}

/**
 * Renders a key as AWS renders `KeyMetadata`: `Enabled` only in state `Enabled`;
 * `ExpirationModel` only for an `EXTERNAL` key holding material; `ValidTo` only while
 * expiring material is present; `CurrentKeyMaterialId` from the first import on (kept after
 * deletion); `DeletionDate` only while pending deletion.
 *
 * @example
 * ```ts
 * keyMetadata(key).KeyState; // "PendingImport"
 * ```
 */
export function keyMetadata(key: KeyRecord): KeyMetadata {
  const material = key.keyState === "PendingImport" ? undefined : key.material;
  const external = key.origin === "EXTERNAL" && material !== undefined;
  return {
    AWSAccountId: key.accountId,
    KeyId: key.keyId,
    Arn: key.arn,
    CreationDate: key.creationDate,
    Enabled: key.keyState === "Enabled",
    Description: key.description,
    KeyUsage: "ENCRYPT_DECRYPT",
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
    CustomerMasterKeySpec: "SYMMETRIC_DEFAULT",
    KeySpec: "SYMMETRIC_DEFAULT",
    EncryptionAlgorithms: ["SYMMETRIC_DEFAULT"],
    MultiRegion: false,
    ...(key.boundMaterialId === undefined ? {} : { CurrentKeyMaterialId: key.boundMaterialId }),
  };
}
