import type { ResultAsync } from "neverthrow";
import type { KeyArn } from "../domain/keyArn.js";
import type { KmsError } from "../domain/kmsError.js";
import { type EnabledKey, requireEnabledKey } from "../domain/requireEnabledKey.js";
import { readKey } from "./readKey.js";
import type { ServiceDeps } from "./serviceDeps.js";
import { thenResult } from "./thenResult.js";

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
  return thenResult(readKey(deps, arn, now), requireEnabledKey);
}
