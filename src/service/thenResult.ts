import { type Result, ResultAsync } from "neverthrow";

/**
 * `pending`, then the synchronous step `next` on its value: what `pending.andThen(next)` does,
 * in one promise step. neverthrow's `map` and `andThen` on a `ResultAsync` run each step as a
 * generator-based async function (two more promises and a generator per step), which the hot
 * paths (Encrypt, Decrypt, reading a key) feel; a synchronous step does not need it.
 *
 * @example
 * ```ts
 * thenResult(store.get(arn), (stored) => requireEnabledKey(stored.record));
 * ```
 */
export function thenResult<T, U, E>(
  pending: ResultAsync<T, E>,
  next: (value: T) => Result<U, E>,
): ResultAsync<U, E> {
  return new ResultAsync(Promise.resolve(pending).then((result) => result.andThen(next)));
}
