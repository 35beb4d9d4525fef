import {
  CancelKeyDeletionCommand,
  CreateKeyCommand,
  DecryptCommand,
  DeleteImportedKeyMaterialCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  EnableKeyCommand,
  EncryptCommand,
  GenerateDataKeyCommand,
  GenerateDataKeyWithoutPlaintextCommand,
  GetParametersForImportCommand,
  ImportKeyMaterialCommand,
  type KMSClient,
  KMSServiceException,
  ListKeysCommand,
  ScheduleKeyDeletionCommand,
} from "@aws-sdk/client-kms";
import { err, ok, ResultAsync } from "neverthrow";
import {
  isKmsErrorName,
  type KmsError,
  type KmsErrorName,
  kmsError,
} from "../../src/domain/kmsError.js";
import type { OperationName } from "../../src/domain/operationName.js";
import type { Kms } from "../../src/service/kms.js";
import { kmsMethodName } from "../../src/service/kmsOperations.js";

/**
 * A {@link Kms} that sends every call through `@aws-sdk/client-kms`: the request goes as the
 * command's input unchanged (the JS SDK validates nothing client-side), the output comes back
 * without `$metadata`, without the members the SDK sets to `undefined` and with plain
 * `Uint8Array` blobs, so it has the shape and types `createKms` answers with (timestamps are
 * `Date`s either way).
 *
 * A service exception named like a {@link KmsErrorName} becomes `err(KmsError)`. Anything else
 * (a network failure, a protocol or authentication error such as `InvalidSignatureException`)
 * is no answer `createKms` could give: the returned `ResultAsync` rejects with it, so the test
 * fails loudly.
 */
export function sdkKms(client: KMSClient): Kms {
  const methods = (Object.keys(sdkCommands) as OperationName[]).map((name) => {
    // Each command takes its own input type; the request goes as it is (see above).
    const Command = sdkCommands[name] as new (input: object) => ListKeysCommand;
    const method = (request: object = {}) => answer(client.send(new Command(request)));
    return [kmsMethodName(name), method] as const;
  });
  return Object.fromEntries(methods) as unknown as Kms;
}

/** The SDK command of each operation. */
const sdkCommands = {
  CancelKeyDeletion: CancelKeyDeletionCommand,
  CreateKey: CreateKeyCommand,
  Decrypt: DecryptCommand,
  DeleteImportedKeyMaterial: DeleteImportedKeyMaterialCommand,
  DescribeKey: DescribeKeyCommand,
  DisableKey: DisableKeyCommand,
  EnableKey: EnableKeyCommand,
  Encrypt: EncryptCommand,
  GenerateDataKey: GenerateDataKeyCommand,
  GenerateDataKeyWithoutPlaintext: GenerateDataKeyWithoutPlaintextCommand,
  GetParametersForImport: GetParametersForImportCommand,
  ImportKeyMaterial: ImportKeyMaterialCommand,
  ListKeys: ListKeysCommand,
  ScheduleKeyDeletion: ScheduleKeyDeletionCommand,
} satisfies { readonly [N in OperationName]: unknown };

/** The SDK's answer as a Kms answer: see {@link sdkKms}. */
function answer<Response>(sent: Promise<object>): ResultAsync<Response, KmsError> {
  return new ResultAsync(
    sent.then(
      (output) => {
        const { $metadata: _metadata, ...response } = output as { $metadata?: unknown };
        return ok(withoutUndefined(response) as Response);
      },
      (error: unknown) => {
        if (error instanceof KMSServiceException && isKmsErrorName(error.name)) {
          return err(kmsError(error.name, error.message));
        }
        throw error;
      },
    ),
  );
}

/**
 * `value` with every object member that is `undefined` removed, at any depth, and blobs as plain
 * `Uint8Array`s (the SDK decodes base64 into Node `Buffer`s; `createKms` answers `Uint8Array`s).
 */
function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUndefined);
  if (value === null || typeof value !== "object") return value;
  if (value instanceof Uint8Array) return Uint8Array.from(value);
  if (value instanceof Date) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, member]) => member !== undefined)
      .map(([name, member]) => [name, withoutUndefined(member)]),
  );
}
