import type { ResultAsync } from "neverthrow";
import type { KmsError } from "../../src/domain/kmsError.js";
import type { Kms } from "../../src/service/kms.js";

/** The name of a Kms operation, as its method is named. */
export type KmsOperation = keyof Kms;

/** Every operation of `Kms`. */
export const kmsOperations = [
  "createKey",
  "describeKey",
  "listKeys",
  "getParametersForImport",
  "importKeyMaterial",
  "deleteImportedKeyMaterial",
  "enableKey",
  "disableKey",
  "scheduleKeyDeletion",
  "cancelKeyDeletion",
  "encrypt",
  "decrypt",
  "generateDataKey",
  "generateDataKeyWithoutPlaintext",
] as const satisfies readonly KmsOperation[];

// A compile error here means an operation of Kms is missing from the list above.
const complete: Exclude<KmsOperation, (typeof kmsOperations)[number]> extends never ? true : never =
  true;
void complete;

/** Stands between a caller and a Kms: gets each call and gives the caller its answer. */
export type KmsInterceptor = <R>(
  operation: KmsOperation,
  call: () => ResultAsync<R, KmsError>,
) => ResultAsync<R, KmsError>;

/** `kms` with every call going through `around`. */
export function aroundKms(kms: Kms, around: KmsInterceptor): Kms {
  const method = (operation: KmsOperation) => (request: unknown) =>
    around(operation, () =>
      (kms[operation] as (request: unknown) => ResultAsync<unknown, KmsError>)(request),
    );
  return Object.fromEntries(
    kmsOperations.map((operation) => [operation, method(operation)]),
  ) as unknown as Kms;
}
