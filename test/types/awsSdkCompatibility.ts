// Compile-time checks (tsc, not vitest): kms-byok's requests accept the AWS SDK's command
// inputs, and its responses can stand where the SDK's command outputs are expected, so code
// written against @aws-sdk/client-kms can use kms-byok unchanged (the README's promise). Nothing
// here runs.
import type {
  CancelKeyDeletionCommandInput,
  CancelKeyDeletionCommandOutput,
  CreateKeyCommandInput,
  CreateKeyCommandOutput,
  DecryptCommandInput,
  DecryptCommandOutput,
  DeleteImportedKeyMaterialCommandInput,
  DeleteImportedKeyMaterialCommandOutput,
  DescribeKeyCommandInput,
  DescribeKeyCommandOutput,
  DisableKeyCommandInput,
  EnableKeyCommandInput,
  EncryptCommandInput,
  EncryptCommandOutput,
  GenerateDataKeyCommandInput,
  GenerateDataKeyCommandOutput,
  GenerateDataKeyWithoutPlaintextCommandInput,
  GenerateDataKeyWithoutPlaintextCommandOutput,
  GetParametersForImportCommandInput,
  GetParametersForImportCommandOutput,
  ImportKeyMaterialCommandInput,
  ImportKeyMaterialCommandOutput,
  ListKeysCommandInput,
  ListKeysCommandOutput,
  ScheduleKeyDeletionCommandInput,
  ScheduleKeyDeletionCommandOutput,
} from "@aws-sdk/client-kms";
import type { ResultAsync } from "neverthrow";
import type { KmsError } from "../../src/domain/kmsError.js";
import type { Kms } from "../../src/service/kms.js";

type Output<M extends keyof Kms> =
  ReturnType<Kms[M]> extends ResultAsync<infer T, KmsError> ? T : never;
type Sdk<T> = Omit<T, "$metadata">;

export async function requestsAcceptSdkInputs(kms: Kms) {
  await kms.createKey({} as CreateKeyCommandInput);
  await kms.describeKey({} as DescribeKeyCommandInput);
  await kms.listKeys({} as ListKeysCommandInput);
  await kms.getParametersForImport({} as GetParametersForImportCommandInput);
  await kms.importKeyMaterial({} as ImportKeyMaterialCommandInput);
  await kms.deleteImportedKeyMaterial({} as DeleteImportedKeyMaterialCommandInput);
  await kms.enableKey({} as EnableKeyCommandInput);
  await kms.disableKey({} as DisableKeyCommandInput);
  await kms.scheduleKeyDeletion({} as ScheduleKeyDeletionCommandInput);
  await kms.cancelKeyDeletion({} as CancelKeyDeletionCommandInput);
  await kms.encrypt({} as EncryptCommandInput);
  await kms.decrypt({} as DecryptCommandInput);
  await kms.generateDataKey({} as GenerateDataKeyCommandInput);
  await kms.generateDataKeyWithoutPlaintext({} as GenerateDataKeyWithoutPlaintextCommandInput);
}

export const responsesFitSdkOutputs: {
  createKey: Sdk<CreateKeyCommandOutput>;
  describeKey: Sdk<DescribeKeyCommandOutput>;
  listKeys: Sdk<ListKeysCommandOutput>;
  getParametersForImport: Sdk<GetParametersForImportCommandOutput>;
  importKeyMaterial: Sdk<ImportKeyMaterialCommandOutput>;
  deleteImportedKeyMaterial: Sdk<DeleteImportedKeyMaterialCommandOutput>;
  scheduleKeyDeletion: Sdk<ScheduleKeyDeletionCommandOutput>;
  cancelKeyDeletion: Sdk<CancelKeyDeletionCommandOutput>;
  encrypt: Sdk<EncryptCommandOutput>;
  decrypt: Sdk<DecryptCommandOutput>;
  generateDataKey: Sdk<GenerateDataKeyCommandOutput>;
  generateDataKeyWithoutPlaintext: Sdk<GenerateDataKeyWithoutPlaintextCommandOutput>;
} = {} as {
  createKey: Output<"createKey">;
  describeKey: Output<"describeKey">;
  listKeys: Output<"listKeys">;
  getParametersForImport: Output<"getParametersForImport">;
  importKeyMaterial: Output<"importKeyMaterial">;
  deleteImportedKeyMaterial: Output<"deleteImportedKeyMaterial">;
  scheduleKeyDeletion: Output<"scheduleKeyDeletion">;
  cancelKeyDeletion: Output<"cancelKeyDeletion">;
  encrypt: Output<"encrypt">;
  decrypt: Output<"decrypt">;
  generateDataKey: Output<"generateDataKey">;
  generateDataKeyWithoutPlaintext: Output<"generateDataKeyWithoutPlaintext">;
};

// Guards the check above: were Output<…> never, every assignment would pass.
type IsNever<T> = [T] extends [never] ? true : false;
export const outputsAreNotNever: IsNever<Output<"describeKey">> = false;
