import { okAsync, type Result, ResultAsync } from "neverthrow";
import type { KeyArn } from "../domain/keyArn.js";
import type { KmsError } from "../domain/kmsError.js";
import { observeKey } from "../domain/observeKey.js";
import { type EnabledKey, requireEnabledKey } from "../domain/requireEnabledKey.js";
import { commitKeyCommand } from "./commitKeyCommand.js";
import type { ServiceDeps } from "./serviceDeps.js";

/**
 * Reads the key for a data-plane operation at `now`. An expiry the read observes is written and
 * audited first (docs/decisions/0012-lazy-time-from-a-clock-port.md), so the operation that finds material expired leaves it recorded.
 *
 * Errors: `NotFoundException`; the state errors (docs/decisions/0014-key-state-errors.md) of {@link requireEnabledKey}.
 */
export function useEnabledKey(
  deps: ServiceDeps,
  arn: KeyArn,
  now: Date,
): ResultAsync<EnabledKey, KmsError> {
  return new ResultAsync(readEnabledKey(deps, arn, now));
}

async function readEnabledKey(
  deps: ServiceDeps,
  arn: KeyArn,
  now: Date,
): Promise<Result<EnabledKey, KmsError>> {
  // The common case, the hot path of Encrypt and Decrypt: the key is there and time changed
  // nothing about it, so there is nothing to write and the key as read is the key.
  const stored = await deps.store.get(arn);
  if (stored.isOk() && stored.value !== undefined) {
    const observed = observeKey(stored.value.record, now);
    if (observed.key !== undefined && observed.events.length === 0)
      return requireEnabledKey(observed.key);
  }
  // Gone, unreadable, or an expiry or deletion to record first: the read that commits.
  const committed = await commitKeyCommand(deps, arn, now, () => okAsync({ type: "ReadKey", arn }));
  return committed.andThen(({ key }) => requireEnabledKey(key));
}
