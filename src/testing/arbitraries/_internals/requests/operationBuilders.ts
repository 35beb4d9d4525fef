import type { OperationName } from "../../../../domain/operationName.js";
import type { OperationRequests } from "../../operationRequests.js";
import type { OperationBuilder } from "../operationBuilder.js";
import { createKeyRequests } from "./createKey.js";
import { decryptRequests } from "./decrypt.js";
import { deleteImportedKeyMaterialRequests } from "./deleteImportedKeyMaterial.js";
import { describeKeyRequests } from "./describeKey.js";
import { encryptRequests } from "./encrypt.js";
import { generateDataKeyRequests } from "./generateDataKey.js";
import { getParametersForImportRequests } from "./getParametersForImport.js";
import { importKeyMaterialRequests } from "./importKeyMaterial.js";
import { keyIdOnlyRequests } from "./keyIdOnly.js";
import { listKeysRequests } from "./listKeys.js";
import { scheduleKeyDeletionRequests } from "./scheduleKeyDeletion.js";

/** The request arbitraries of every operation. */
export const operationBuilders: {
  readonly [O in OperationName]: OperationBuilder<OperationRequests[O]>;
} = {
  CancelKeyDeletion: keyIdOnlyRequests,
  CreateKey: createKeyRequests,
  Decrypt: decryptRequests,
  DeleteImportedKeyMaterial: deleteImportedKeyMaterialRequests,
  DescribeKey: describeKeyRequests,
  DisableKey: keyIdOnlyRequests,
  EnableKey: keyIdOnlyRequests,
  Encrypt: encryptRequests,
  GenerateDataKey: generateDataKeyRequests(true),
  GenerateDataKeyWithoutPlaintext: generateDataKeyRequests(false),
  GetParametersForImport: getParametersForImportRequests,
  ImportKeyMaterial: importKeyMaterialRequests,
  ListKeys: listKeysRequests,
  ScheduleKeyDeletion: scheduleKeyDeletionRequests,
};

/** Throws `TypeError` naming `api` when `operation` is not one kms-byok implements. */
export function builderOf<O extends OperationName>(
  operation: O,
  api: string,
): OperationBuilder<OperationRequests[O]> {
  if (!Object.hasOwn(operationBuilders, operation)) {
    throw new TypeError(`arbitraries.${api}: unknown operation ${String(operation)}.`);
  }
  return operationBuilders[operation];
}
