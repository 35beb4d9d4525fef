import type { ResultAsync } from "neverthrow";
import type { KmsError } from "../domain/kmsError.js";
import type { ServiceDeps } from "./serviceDeps.js";

/**
 * One operation of a `Kms`: it validates a request of any shape itself, so a caller that passes
 * garbage gets an error value, never a throw.
 */
export type OperationHandler<Request, Response> = (
  request?: Request,
) => ResultAsync<Response, KmsError>;

/**
 * One KMS operation, described once: how its request travels on the wire and how the service
 * answers it. The `Kms` type, `createKms` and the endpoint's operation table are derived from
 * the table of these, `kmsOperations`.
 */
export interface OperationDescriptor<Request, Response, Optional extends boolean = boolean> {
  /** Request members sent as base64 strings on the wire and held as `Uint8Array`s. */
  readonly blobs: readonly NoInfer<keyof Request & string>[];
  /** Request members sent as epoch seconds on the wire and held as `Date`s. */
  readonly timestamps: readonly NoInfer<keyof Request & string>[];
  /** Whether `Kms` lets the request be left out, as in `kms.createKey()`. */
  readonly requestOptional: Optional;
  /** The operation over the service's ports. */
  readonly handler: (deps: ServiceDeps) => OperationHandler<Request, Response>;
}

/**
 * A descriptor, checked against the request and response types its handler declares: a blob or
 * timestamp member the request does not have does not compile.
 */
export function operation<Request, Response, const Optional extends boolean>(
  descriptor: OperationDescriptor<Request, Response, Optional>,
): OperationDescriptor<Request, Response, Optional> {
  return descriptor;
}
