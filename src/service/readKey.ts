import { ok, okAsync, type Result, ResultAsync } from "neverthrow";
import type { KeyArn } from "../domain/keyArn.js";
import type { KeyRecord } from "../domain/keyRecord.js";
import type { KmsError } from "../domain/kmsError.js";
import { observeKey } from "../domain/observeKey.js";
import { commitKeyCommand } from "./commitKeyCommand.js";
import type { ServiceDeps } from "./serviceDeps.js";

/**
 * The key at `arn` as it is at `now`, for an operation that only reads it; an expiry the read
 * observes is written first (docs/decisions/0012-lazy-time-from-a-clock-port.md).
 *
 * Errors: `NotFoundException`; the store's errors.
 */
export function readKey(
  deps: ServiceDeps,
  arn: KeyArn,
  now: Date,
): ResultAsync<KeyRecord, KmsError> {
  return new ResultAsync(keyAt(deps, arn, now));
}

/** {@link readKey} as a promise, for the hot paths that await their steps in turn. */
export async function keyAt(
  deps: ServiceDeps,
  arn: KeyArn,
  now: Date,
): Promise<Result<KeyRecord, KmsError>> {
  // The common case, on the hot path of every data-plane call: the key is there and time changed
  // nothing about it, so there is nothing to write and the key as read is the key.
  const stored = await deps.store.get(arn);
  if (stored.isOk() && stored.value !== undefined) {
    const observed = observeKey(stored.value.record, now);
    if (observed.key !== undefined && observed.events.length === 0) return ok(observed.key);
  }
  // Gone, unreadable, or an expiry or deletion to record first: the read that commits.
  const committed = await commitKeyCommand(deps, arn, now, () => okAsync({ type: "ReadKey", arn }));
  return committed.map(({ key }) => key);
}
