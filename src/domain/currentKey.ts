import type { Result } from "neverthrow";
import { err, ok } from "neverthrow";
import type { KeyArn } from "./keyArn.js";
import { keyNotFound } from "./keyNotFound.js";
import type { KeyRecord } from "./keyRecord.js";
import type { KmsError } from "./kmsError.js";
import { observeKey } from "./observeKey.js";

/**
 * The key under `arn` as it is at `now` (expiry and deletion applied, docs/decisions/0012-lazy-time-from-a-clock-port.md), for checks a
 * service runs before expensive work.
 *
 * Errors: `NotFoundException` when there is no key or its deletion date has passed.
 */
export function currentKey(
  stored: KeyRecord | undefined,
  arn: KeyArn,
  now: Date,
): Result<KeyRecord, KmsError> {
  const key = stored === undefined ? undefined : observeKey(stored, now).key;
  return key === undefined ? err(keyNotFound(arn)) : ok(key);
}
