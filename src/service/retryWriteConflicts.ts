import { err, ok, type Result, ResultAsync } from "neverthrow";
import { type KmsError, kmsError } from "../domain/kmsError.js";
import type { WriteConflict } from "../ports/keyStore.js";

/**
 * Runs `attempt` (read, decide, conditional write) again, on fresh reads, for as long as its
 * write loses a compare-and-set, up to `maxAttempts` times.
 *
 * Errors: whatever `attempt` returns; `KMSInternalException` when every attempt lost to a
 * concurrent write of `what`.
 */
export function retryWriteConflicts<T>(
  maxAttempts: number,
  what: string,
  attempt: () => Promise<Result<T, WriteConflict | KmsError>>,
): ResultAsync<T, KmsError> {
  const run = async (attemptNumber: number): Promise<Result<T, KmsError>> => {
    const outcome = await attempt();
    if (outcome.isOk()) return ok(outcome.value);
    if (outcome.error.name !== "WriteConflict") return err(outcome.error);
    if (attemptNumber < maxAttempts) return run(attemptNumber + 1);
    return err(
      kmsError(
        "KMSInternalException",
        `${what} was changed concurrently ${maxAttempts} times in a row; retry the request.`,
      ),
    );
  };
  return new ResultAsync(run(1));
}
