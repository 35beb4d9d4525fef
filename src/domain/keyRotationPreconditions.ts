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

/**
 * Precondition of RotateKeyOnDemand and ListKeyRotations (docs/decisions/0031-hmac-and-asymmetric-import.md): only symmetric encryption
 * keys have rotations; an HMAC or asymmetric key's material never changes.
 *
 * Errors: `UnsupportedOperationException` "`<arn>` is not a symmetric encryption key: …".
 */
export function requireSymmetricKey(key: KeyRecord): Result<KeyRecord, KmsError> {
  return key.keySpec === undefined
    ? ok(key)
    : err(
        kmsError(
          "UnsupportedOperationException",
          `${key.arn} is not a symmetric encryption key: the key material of a ${key.keySpec} key cannot rotate.`,
        ),
      );
}
