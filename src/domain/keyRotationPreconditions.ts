import { err, ok, type Result } from "neverthrow";
import type { KeyRecord } from "./keyRecord.js";
import { type KmsError, kmsError } from "./kmsError.js";
import { pendingDeletion } from "./requireEnabledKey.js";

/**
 * Precondition of the automatic rotation operations (docs/decisions/0026-rotation-settings.md):
 * only `AWS_KMS` keys rotate automatically; a change needs an `Enabled` key, a read any state.
 *
 * Errors: `UnsupportedOperationException` "`<arn>` origin is EXTERNAL which is not valid for
 * this operation."; when `changing`, `DisabledException` "`<arn>` is disabled." and
 * `KMSInvalidStateException` "`<arn>` is pending deletion.".
 */
export function requireRotatable(key: KeyRecord, changing: boolean): Result<KeyRecord, KmsError> {
  if (key.origin !== "AWS_KMS") {
    return err(
      kmsError(
        "UnsupportedOperationException",
        `${key.arn} origin is ${key.origin} which is not valid for this operation.`,
      ),
    );
  }
  if (!changing) return ok(key);
  if (key.keyState === "Disabled")
    return err(kmsError("DisabledException", `${key.arn} is disabled.`));
  if (key.keyState === "PendingDeletion") return err(pendingDeletion(key));
  return ok(key);
}
