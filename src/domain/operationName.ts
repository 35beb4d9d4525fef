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

/** The operations that never change a key themselves (a key they read may still expire, docs/decisions/0012-lazy-time-from-a-clock-port.md). */
export type ReadOperationName =
  | "Decrypt"
  | "DescribeKey"
  | "Encrypt"
  | "GenerateDataKey"
  | "GenerateDataKeyWithoutPlaintext"
  | "ListKeys";
