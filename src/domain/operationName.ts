/** The KMS operations kms-byok implements, named as AWS names them. */
export type OperationName =
  | "CancelKeyDeletion"
  | "CreateKey"
  | "Decrypt"
  | "DeleteImportedKeyMaterial"
  | "DescribeKey"
  | "DisableKey"
  | "EnableKey"
  | "Encrypt"
  | "GenerateDataKey"
  | "GenerateDataKeyWithoutPlaintext"
  | "GetParametersForImport"
  | "ImportKeyMaterial"
  | "ListKeys"
  | "ScheduleKeyDeletion";

/** The operations that never change a key themselves (a key they read may still expire, D12). */
export type ReadOperationName =
  | "Decrypt"
  | "DescribeKey"
  | "Encrypt"
  | "GenerateDataKey"
  | "GenerateDataKeyWithoutPlaintext"
  | "ListKeys";
