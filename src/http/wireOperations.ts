import type { ResultAsync } from "neverthrow";
import type { KmsError } from "../domain/kmsError.js";
import type { Kms } from "../service/kms.js";
import type { OperationName } from "../service/kmsOperations.js";
import { kmsMethodName, kmsOperations } from "../service/kmsOperations.js";

/** How one operation travels: which request members are blobs and timestamps, and its method. */
export interface WireOperation {
  /** Members sent as base64 strings, read as `Uint8Array`s. */
  readonly blobs: readonly string[];
  /** Members sent as epoch seconds, read as `Date`s. */
  readonly timestamps: readonly string[];
  /** Runs the decoded request; `Kms` validates requests of any shape itself. */
  readonly call: (kms: Kms, request: never) => ResultAsync<object, KmsError>;
}

/** Every operation the endpoint answers, by the name in `X-Amz-Target: TrentService.<name>`. */
export const wireOperations: Readonly<Record<OperationName, WireOperation>> = Object.fromEntries(
  (Object.keys(kmsOperations) as OperationName[]).map((name) => {
    const { blobs, timestamps } = kmsOperations[name];
    const method = kmsMethodName(name);
    // The request is decoded, not checked: each operation validates a request of any shape.
    const call = (kms: Kms, request: never) =>
      (kms[method] as (request: unknown) => ResultAsync<object, KmsError>)(request);
    return [name, { blobs, timestamps, call }];
  }),
) as Record<OperationName, WireOperation>;

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
