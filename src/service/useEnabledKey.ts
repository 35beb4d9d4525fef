import { type Result, ResultAsync } from "neverthrow";
import type { KeyArn } from "../domain/keyArn.js";
import type { KmsError } from "../domain/kmsError.js";
import { type EnabledKey, requireEnabledKey } from "../domain/requireEnabledKey.js";
import { keyAt } from "./readKey.js";
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
  return new ResultAsync(enabledKeyAt(deps, arn, now));
}

/** {@link useEnabledKey} as a promise, for the hot paths that await their steps in turn. */
export async function enabledKeyAt(
  deps: ServiceDeps,
  arn: KeyArn,
  now: Date,
): Promise<Result<EnabledKey, KmsError>> {
  return (await keyAt(deps, arn, now)).andThen(requireEnabledKey);
}
