import type { ResultAsync } from "neverthrow";
import type { KmsError } from "../domain/kmsError.js";
import type { kmsOperations, OperationName } from "./kmsOperations.js";
import type { OperationDescriptor } from "./operationDescriptor.js";

/** The request of an operation: `RequestOf<"Encrypt">` is `EncryptRequest`. */
export type RequestOf<N extends OperationName> =
  (typeof kmsOperations)[N] extends OperationDescriptor<infer Request, unknown, boolean>
    ? Request
    : never;

/** The response of an operation: `ResponseOf<"Encrypt">` is `EncryptResponse`. */
export type ResponseOf<N extends OperationName> =
  (typeof kmsOperations)[N] extends OperationDescriptor<never, infer Response, boolean>
    ? Response
    : never;

/** The method of `Kms` for one operation. */
export type KmsMethod<N extends OperationName> =
  (typeof kmsOperations)[N]["requestOptional"] extends true
    ? (request?: RequestOf<N>) => ResultAsync<ResponseOf<N>, KmsError>
    : (request: RequestOf<N>) => ResultAsync<ResponseOf<N>, KmsError>;

/**
 * A KMS for keys with imported material: one method per AWS operation, named as the operation
 * in camelCase, taking and returning AWS's shapes. Every method resolves to `ok(response)` or
 * `err(KmsError)`; requests of any shape, even garbage, get an error value, never a throw. The
 * methods are those of `kmsOperations`, where each is documented.
 */
export type Kms = {
  readonly [N in keyof typeof kmsOperations as Uncapitalize<N>]: KmsMethod<N>;
};
