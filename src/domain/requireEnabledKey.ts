import { err, ok, type Result } from "neverthrow";
import type { KeyRecord, KeyWithMaterial } from "./keyRecord.js";
import { type KmsError, kmsError } from "./kmsError.js";

/** A key the data plane can use: `Enabled`, so its material is present. */
export type EnabledKey = KeyWithMaterial & { readonly keyState: "Enabled" };

/**
 * Precondition of every cryptographic operation (docs/decisions/0014-key-state-errors.md): the key must be `Enabled`.
 *
 * Errors: `DisabledException` "`<arn>` is disabled."; `KMSInvalidStateException` "`<arn>` is
 * pending import." or "`<arn>` is pending deletion.".
 *
 * @example
 * ```ts
 * requireEnabledKey(key).map((k) => k.material.sealed);
 * ```
 */
export function requireEnabledKey(key: KeyRecord): Result<EnabledKey, KmsError> {
  switch (key.keyState) {
    case "Enabled":
      return ok(key as EnabledKey);
    case "Disabled":
      return err(kmsError("DisabledException", `${key.arn} is disabled.`));
    case "PendingImport":
      return err(pendingImport(key));
    case "PendingDeletion":
      return err(pendingDeletion(key));
  }
}

/** `KMSInvalidStateException` "`<arn>` is pending import." (docs/decisions/0014-key-state-errors.md). */
export function pendingImport(key: KeyRecord): KmsError {
  return kmsError("KMSInvalidStateException", `${key.arn} is pending import.`);
}

/** `KMSInvalidStateException` "`<arn>` is pending deletion." (docs/decisions/0014-key-state-errors.md). */
export function pendingDeletion(key: KeyRecord): KmsError {
  return kmsError("KMSInvalidStateException", `${key.arn} is pending deletion.`);
}
