import { errAsync, okAsync, type ResultAsync } from "neverthrow";
import { type KmsError, kmsError } from "../domain/kmsError.js";

/**
 * The response of a request that succeeded, or, when the request set `DryRun`,
 * `DryRunOperationException` in its place, as AWS answers a dry run that would have succeeded.
 */
export function unlessDryRun<T>(dryRun: boolean, response: T): ResultAsync<T, KmsError> {
  return dryRun ? errAsync(dryRunRefusal()) : okAsync(response);
}

/** What AWS answers a dry run that would have succeeded. */
export function dryRunRefusal(): KmsError {
  return kmsError(
    "DryRunOperationException",
    "The request would have succeeded, but the DryRun option is set.",
  );
}
