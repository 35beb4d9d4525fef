import type { ModelKey, ModelState } from "./modelState.js";

/**
 * The key at `index` as it is at the model's `now` (docs/decisions/0012-lazy-time-from-a-clock-port.md, docs/decisions/0013-deletion-window.md), or `undefined` when there is
 * none or its deletion date has passed. Time acts here: material whose `validTo` has come is
 * gone, and an `Enabled` or `Disabled` key without material is `PendingImport` (docs/decisions/0006-losing-material-means-pending-import.md).
 */
export function liveKey(state: ModelState, index: number): ModelKey | undefined {
  const key = state.keys[index];
  if (key === undefined) return undefined;
  if (key.deletionDate !== undefined && key.deletionDate.getTime() <= state.now.getTime()) {
    return undefined;
  }
  const validTo = key.material?.validTo;
  if (validTo !== undefined && validTo.getTime() <= state.now.getTime()) {
    key.expiries.push(validTo);
    removeMaterial(key);
  }
  return key;
}

/** Takes the material away (expiry or DeleteImportedKeyMaterial): only PendingDeletion stays. */
export function removeMaterial(key: ModelKey): void {
  delete key.material;
  if (key.state === "Enabled" || key.state === "Disabled") key.state = "PendingImport";
}
