/** The KMS operations kms-byok implements, named as AWS names them. */
export type OperationName =
  | "CancelKeyDeletion"
  | "CreateKey"
  | "DeleteImportedKeyMaterial"
  | "DescribeKey"
  | "DisableKey"
  | "EnableKey"
  | "GetParametersForImport"
  | "ImportKeyMaterial"
  | "ListKeys"
  | "ScheduleKeyDeletion";
