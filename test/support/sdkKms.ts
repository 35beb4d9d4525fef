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
import type { Kms } from "../../src/service/kms.js";

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
  return {
    createKey: (request = {}) => answer(client.send(new CreateKeyCommand(input(request)))),
    describeKey: (request) => answer(client.send(new DescribeKeyCommand(input(request)))),
    listKeys: (request = {}) => answer(client.send(new ListKeysCommand(input(request)))),
    getParametersForImport: (request) =>
      answer(client.send(new GetParametersForImportCommand(input(request)))),
    importKeyMaterial: (request) =>
      answer(client.send(new ImportKeyMaterialCommand(input(request)))),
    deleteImportedKeyMaterial: (request) =>
      answer(client.send(new DeleteImportedKeyMaterialCommand(input(request)))),
    enableKey: (request) => answer(client.send(new EnableKeyCommand(input(request)))),
    disableKey: (request) => answer(client.send(new DisableKeyCommand(input(request)))),
    scheduleKeyDeletion: (request) =>
      answer(client.send(new ScheduleKeyDeletionCommand(input(request)))),
    cancelKeyDeletion: (request) =>
      answer(client.send(new CancelKeyDeletionCommand(input(request)))),
    encrypt: (request) => answer(client.send(new EncryptCommand(input(request)))),
    decrypt: (request) => answer(client.send(new DecryptCommand(input(request)))),
    generateDataKey: (request) => answer(client.send(new GenerateDataKeyCommand(input(request)))),
    generateDataKeyWithoutPlaintext: (request) =>
      answer(client.send(new GenerateDataKeyWithoutPlaintextCommand(input(request)))),
  };
}

/**
 * A Kms request as the SDK command's input. Both use AWS's member names and JS types (Uint8Array
 * blobs, Date timestamps); they differ only in how narrowly TypeScript types the enums, and the
 * point is to send exactly what the caller gave.
 */
function input<Input>(request: object): Input {
  return request as Input;
}

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
