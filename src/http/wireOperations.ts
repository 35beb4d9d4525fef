import type { ResultAsync } from "neverthrow";
import type { KmsError } from "../domain/kmsError.js";
import type { OperationName } from "../domain/operationName.js";
import type { Kms } from "../service/kms.js";

/** How one operation travels: which request members are blobs and timestamps, and its method. */
export interface WireOperation {
  /** Members sent as base64 strings, read as `Uint8Array`s. */
  readonly blobs: readonly string[];
  /** Members sent as epoch seconds, read as `Date`s. */
  readonly timestamps: readonly string[];
  /** Runs the decoded request; `Kms` validates requests of any shape itself. */
  readonly call: (kms: Kms, request: never) => ResultAsync<object, KmsError>;
}

const plain = { blobs: [], timestamps: [] } as const;

/** Every operation the endpoint answers, by the name in `X-Amz-Target: TrentService.<name>`. */
export const wireOperations: Readonly<Record<OperationName, WireOperation>> = {
  CancelKeyDeletion: { ...plain, call: (kms, r) => kms.cancelKeyDeletion(r) },
  CreateKey: { ...plain, call: (kms, r) => kms.createKey(r) },
  Decrypt: { blobs: ["CiphertextBlob"], timestamps: [], call: (kms, r) => kms.decrypt(r) },
  DeleteImportedKeyMaterial: { ...plain, call: (kms, r) => kms.deleteImportedKeyMaterial(r) },
  DescribeKey: { ...plain, call: (kms, r) => kms.describeKey(r) },
  DisableKey: { ...plain, call: (kms, r) => kms.disableKey(r) },
  EnableKey: { ...plain, call: (kms, r) => kms.enableKey(r) },
  Encrypt: { blobs: ["Plaintext"], timestamps: [], call: (kms, r) => kms.encrypt(r) },
  GenerateDataKey: { ...plain, call: (kms, r) => kms.generateDataKey(r) },
  GenerateDataKeyWithoutPlaintext: {
    ...plain,
    call: (kms, r) => kms.generateDataKeyWithoutPlaintext(r),
  },
  GetParametersForImport: { ...plain, call: (kms, r) => kms.getParametersForImport(r) },
  ImportKeyMaterial: {
    blobs: ["ImportToken", "EncryptedKeyMaterial"],
    timestamps: ["ValidTo"],
    call: (kms, r) => kms.importKeyMaterial(r),
  },
  ListKeys: { ...plain, call: (kms, r) => kms.listKeys(r) },
  ScheduleKeyDeletion: { ...plain, call: (kms, r) => kms.scheduleKeyDeletion(r) },
};

/** The operation a target header names, if the endpoint answers it. */
export function wireOperationOf(
  target: string | undefined,
): { readonly name: OperationName; readonly operation: WireOperation } | undefined {
  const prefix = "TrentService.";
  if (target === undefined || !target.startsWith(prefix)) return undefined;
  const name = target.slice(prefix.length);
  if (!Object.hasOwn(wireOperations, name)) return undefined;
  return { name: name as OperationName, operation: wireOperations[name as OperationName] };
}
