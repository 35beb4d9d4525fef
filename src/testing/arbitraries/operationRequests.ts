import type { CreateKeyRequest } from "../../domain/requests/createKey.js";
import type { DecryptRequest } from "../../domain/requests/decrypt.js";
import type { DeleteImportedKeyMaterialRequest } from "../../domain/requests/deleteImportedKeyMaterial.js";
import type { DescribeKeyRequest } from "../../domain/requests/describeKey.js";
import type { EncryptRequest } from "../../domain/requests/encrypt.js";
import type {
  GenerateDataKeyRequest,
  GenerateDataKeyWithoutPlaintextRequest,
} from "../../domain/requests/generateDataKey.js";
import type { GetParametersForImportRequest } from "../../domain/requests/getParametersForImport.js";
import type { ImportKeyMaterialRequest } from "../../domain/requests/importKeyMaterial.js";
import type { ListKeysRequest } from "../../domain/requests/listKeys.js";
import type { ScheduleKeyDeletionRequest } from "../../domain/requests/scheduleKeyDeletion.js";
import type {
  CancelKeyDeletionRequest,
  DisableKeyRequest,
  EnableKeyRequest,
} from "../../service/kms.js";

/** The request type of each operation. */
export interface OperationRequests {
  readonly CancelKeyDeletion: CancelKeyDeletionRequest;
  readonly CreateKey: CreateKeyRequest;
  readonly Decrypt: DecryptRequest;
  readonly DeleteImportedKeyMaterial: DeleteImportedKeyMaterialRequest;
  readonly DescribeKey: DescribeKeyRequest;
  readonly DisableKey: DisableKeyRequest;
  readonly EnableKey: EnableKeyRequest;
  readonly Encrypt: EncryptRequest;
  readonly GenerateDataKey: GenerateDataKeyRequest;
  readonly GenerateDataKeyWithoutPlaintext: GenerateDataKeyWithoutPlaintextRequest;
  readonly GetParametersForImport: GetParametersForImportRequest;
  readonly ImportKeyMaterial: ImportKeyMaterialRequest;
  readonly ListKeys: ListKeysRequest;
  readonly ScheduleKeyDeletion: ScheduleKeyDeletionRequest;
}
