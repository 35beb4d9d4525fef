import { okAsync, type ResultAsync } from "neverthrow";
import type { KeyArn } from "../domain/keyArn.js";
import type { KeyRecord } from "../domain/keyRecord.js";
import type { KmsError } from "../domain/kmsError.js";
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
  return commitKeyCommand(deps, arn, now, () => okAsync({ type: "ReadKey", arn })).map(
    ({ key }) => key,
  );
}
