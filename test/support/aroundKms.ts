import type { ResultAsync } from "neverthrow";
import type { KmsError } from "../../src/domain/kmsError.js";
import type { Kms } from "../../src/service/kms.js";
import type { OperationName } from "../../src/service/kmsOperations.js";
import { kmsMethodName, kmsOperations } from "../../src/service/kmsOperations.js";

/** The name of a Kms operation, as its method is named. */
export type KmsOperation = keyof Kms;

/** Every method of `Kms`, one per operation of kms-byok's operation table. */
export const kmsMethodNames: readonly KmsOperation[] = (
  Object.keys(kmsOperations) as OperationName[]
).map(kmsMethodName);

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
    kmsMethodNames.map((operation) => [operation, method(operation)]),
  ) as unknown as Kms;
}
