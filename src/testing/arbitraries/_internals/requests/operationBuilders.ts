import type { OperationName } from "../../../../domain/operationName.js";
import type { OperationRequests } from "../../operationRequests.js";
import type { OperationBuilder } from "../operationBuilder.js";
import { aliasTargetRequests } from "./aliasTarget.js";
import { createKeyRequests } from "./createKey.js";
import { decryptRequests } from "./decrypt.js";
import { deleteAliasRequests } from "./deleteAlias.js";
import { deleteImportedKeyMaterialRequests } from "./deleteImportedKeyMaterial.js";
import { describeKeyRequests } from "./describeKey.js";
import { encryptRequests } from "./encrypt.js";
import { generateDataKeyRequests } from "./generateDataKey.js";
import { generateRandomRequests } from "./generateRandom.js";
import { getParametersForImportRequests } from "./getParametersForImport.js";
import { importKeyMaterialRequests } from "./importKeyMaterial.js";
import { keyIdOnlyRequests } from "./keyIdOnly.js";
import {
  getKeyPolicyRequests,
  listKeyPoliciesRequests,
  putKeyPolicyRequests,
} from "./keyPolicy.js";
import { enableKeyRotationRequests } from "./keyRotation.js";
import { listAliasesRequests } from "./listAliases.js";
import { listKeysRequests } from "./listKeys.js";
import { reEncryptRequests } from "./reEncrypt.js";
import { scheduleKeyDeletionRequests } from "./scheduleKeyDeletion.js";
import { listResourceTagsRequests, tagResourceRequests, untagResourceRequests } from "./tags.js";
import { updateKeyDescriptionRequests } from "./updateKeyDescription.js";

/** The request arbitraries of every operation. */
export const operationBuilders: {
  readonly [O in OperationName]: OperationBuilder<OperationRequests[O]>;
} = {
  CancelKeyDeletion: keyIdOnlyRequests,
  CreateAlias: aliasTargetRequests(true),
  CreateKey: createKeyRequests,
  Decrypt: decryptRequests,
  DeleteAlias: deleteAliasRequests,
  DeleteImportedKeyMaterial: deleteImportedKeyMaterialRequests,
  DescribeKey: describeKeyRequests,
  DisableKey: keyIdOnlyRequests,
  DisableKeyRotation: keyIdOnlyRequests,
  EnableKey: keyIdOnlyRequests,
  EnableKeyRotation: enableKeyRotationRequests,
  Encrypt: encryptRequests,
  GenerateDataKey: generateDataKeyRequests(true),
  GenerateDataKeyWithoutPlaintext: generateDataKeyRequests(false),
  GenerateRandom: generateRandomRequests,
  GetKeyPolicy: getKeyPolicyRequests,
  GetKeyRotationStatus: keyIdOnlyRequests,
  GetParametersForImport: getParametersForImportRequests,
  ImportKeyMaterial: importKeyMaterialRequests,
  ListAliases: listAliasesRequests,
  ListKeyPolicies: listKeyPoliciesRequests,
  ListKeys: listKeysRequests,
  ListResourceTags: listResourceTagsRequests,
  PutKeyPolicy: putKeyPolicyRequests,
  ReEncrypt: reEncryptRequests,
  ScheduleKeyDeletion: scheduleKeyDeletionRequests,
  TagResource: tagResourceRequests,
  UntagResource: untagResourceRequests,
  UpdateAlias: aliasTargetRequests(false),
  UpdateKeyDescription: updateKeyDescriptionRequests,
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
