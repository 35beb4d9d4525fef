import type { OperationName } from "../../src/domain/operationName.js";
import type { Kms } from "../../src/service/kms.js";

/** The request members of each operation in the AWS model, written out independently of src. */
export const requestMembers: Readonly<Record<OperationName, readonly string[]>> = {
  CancelKeyDeletion: ["KeyId"],
  CreateKey: [
    "BypassPolicyLockoutSafetyCheck",
    "CustomKeyStoreId",
    "CustomerMasterKeySpec",
    "Description",
    "KeySpec",
    "KeyUsage",
    "MultiRegion",
    "Origin",
    "Policy",
    "Tags",
    "XksKeyId",
  ],
  Decrypt: [
    "CiphertextBlob",
    "DryRun",
    "EncryptionAlgorithm",
    "EncryptionContext",
    "GrantTokens",
    "KeyId",
    "Recipient",
  ],
  DeleteImportedKeyMaterial: ["KeyId", "KeyMaterialId"],
  DescribeKey: ["GrantTokens", "KeyId"],
  DisableKey: ["KeyId"],
  EnableKey: ["KeyId"],
  Encrypt: [
    "DryRun",
    "EncryptionAlgorithm",
    "EncryptionContext",
    "GrantTokens",
    "KeyId",
    "Plaintext",
  ],
  GenerateDataKey: [
    "DryRun",
    "EncryptionContext",
    "GrantTokens",
    "KeyId",
    "KeySpec",
    "NumberOfBytes",
    "Recipient",
  ],
  GenerateDataKeyWithoutPlaintext: [
    "DryRun",
    "EncryptionContext",
    "GrantTokens",
    "KeyId",
    "KeySpec",
    "NumberOfBytes",
  ],
  GetParametersForImport: ["KeyId", "WrappingAlgorithm", "WrappingKeySpec"],
  ImportKeyMaterial: [
    "EncryptedKeyMaterial",
    "ExpirationModel",
    "ImportToken",
    "ImportType",
    "KeyId",
    "KeyMaterialDescription",
    "KeyMaterialId",
    "ValidTo",
  ],
  ListKeys: ["Limit", "Marker"],
  ScheduleKeyDeletion: ["KeyId", "PendingWindowInDays"],
};

/** The AWS operation a `Kms` method performs: `importKeyMaterial` → `ImportKeyMaterial`. */
export function operationOf(method: keyof Kms): OperationName {
  return `${method.charAt(0).toUpperCase()}${method.slice(1)}` as OperationName;
}
