import * as sdk from "@aws-sdk/client-kms";
import { type KMSClient, KMSServiceException, type ListKeysCommand } from "@aws-sdk/client-kms";
import { err, ok, ResultAsync } from "neverthrow";
import {
  isKmsErrorName,
  type KmsError,
  type KmsErrorName,
  kmsError,
} from "../../src/domain/kmsError.js";
import type { Kms } from "../../src/service/kms.js";
import type { OperationName } from "../../src/service/kmsOperations.js";
import { kmsMethodName, kmsOperations } from "../../src/service/kmsOperations.js";

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
  const methods = (Object.keys(kmsOperations) as OperationName[]).map((name) => {
    // Each command takes its own input type; the request goes as it is (see above).
    // biome-ignore lint/performance/noDynamicNamespaceImportAccess: a test helper, never bundled; one command per operation by name.
    const Command = sdk[sdkCommandName(name)] as new (input: object) => ListKeysCommand;
    const method = (request: object = {}) => answer(client.send(new Command(request)));
    return [kmsMethodName(name), method] as const;
  });
  return Object.fromEntries(methods) as unknown as Kms;
}

/**
 * The name of the SDK's command for an operation, such as `EncryptCommand`; an operation the SDK
 * has no command of that name for does not compile.
 */
function sdkCommandName(name: OperationName): keyof typeof sdk {
  return `${name}Command`;
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
