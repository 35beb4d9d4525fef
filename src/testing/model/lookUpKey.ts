import type { KmsErrorName } from "../../domain/kmsError.js";
import { type AliasUse, type KeyRef, resolveKeyRef } from "./keyRef.js";
import { liveKey } from "./liveKey.js";
import type { ModelKey, ModelState } from "./modelState.js";

/** A key the model found, or the error the target must answer instead. */
export type LookedUp = { readonly index: number; readonly key: ModelKey } | KmsErrorName;

/**
 * The live key a reference names, or the error for the reference (docs/decisions/0009-key-id-or-key-arn-only.md,
 * docs/decisions/0013-deletion-window.md); aliases are refused unless `aliases` is `"resolve"`.
 */
export function lookUpKey(state: ModelState, ref: KeyRef, aliases: AliasUse = "refuse"): LookedUp {
  const index = resolveKeyRef(state, ref, aliases);
  if (typeof index === "string") return index;
  const key = liveKey(state, index);
  return key === undefined ? "NotFoundException" : { index, key };
}

/** The key an import operation may use (docs/decisions/0001-symmetric-keys-only.md, and not pending deletion), or the refusal. */
export function lookUpImportableKey(state: ModelState, ref: KeyRef): LookedUp {
  const found = lookUpKey(state, ref);
  if (typeof found === "string") return found;
  if (found.key.origin !== "EXTERNAL") return "UnsupportedOperationException";
  if (found.key.state === "PendingDeletion") return "KMSInvalidStateException";
  return found;
}

/** The key a data-plane operation may use: `Enabled` only (docs/decisions/0014-key-state-errors.md). */
export function lookUpEnabledKey(state: ModelState, ref: KeyRef): LookedUp {
  const found = lookUpKey(state, ref, "resolve");
  if (typeof found === "string") return found;
  return enabledOnly(found);
}

/** docs/decisions/0014-key-state-errors.md: `Disabled` → DisabledException; `PendingImport`/`PendingDeletion` → KMSInvalidStateException. */
export function enabledOnly(found: { readonly index: number; readonly key: ModelKey }): LookedUp {
  if (found.key.state === "Disabled") return "DisabledException";
  if (found.key.state !== "Enabled") return "KMSInvalidStateException";
  return found;
}
