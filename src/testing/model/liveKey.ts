import { settleState } from "./modelMaterials.js";
import type { ModelKey, ModelState } from "./modelState.js";

/**
 * The key at `index` as it is at the model's `now` (docs/decisions/0012-lazy-time-from-a-clock-port.md, docs/decisions/0013-deletion-window.md), or `undefined` when there is
 * none or its deletion date has passed. Time acts here: each material whose `validTo` has come is
 * gone, and an `Enabled` or `Disabled` key missing a material is `PendingImport` (docs/decisions/0006-losing-material-means-pending-import.md); a material
 * pending rotation that expires goes altogether (docs/decisions/0030-rotation-of-imported-material.md).
 */
export function liveKey(state: ModelState, index: number): ModelKey | undefined {
  const key = state.keys[index];
  if (key === undefined) return undefined;
  if (key.deletionDate !== undefined && key.deletionDate.getTime() <= state.now.getTime()) {
    return undefined;
  }
  const due = (validTo: Date | undefined): validTo is Date =>
    validTo !== undefined && validTo.getTime() <= state.now.getTime();
  const expired: Date[] = [];
  if (due(key.material?.validTo)) {
    expired.push(key.material.validTo);
    delete key.material;
  }
  for (const other of key.others ?? []) {
    if (due(other.held?.validTo)) {
      expired.push(other.held.validTo);
      delete other.held;
    }
  }
  if (expired.length === 0) return key;
  // An expired material pending rotation was never the key's: it goes altogether.
  if (key.others !== undefined)
    key.others = key.others.filter((o) => o.state !== "PENDING_ROTATION" || o.held);
  key.expiries.push(...expired.sort((a, b) => a.getTime() - b.getTime()));
  settleState(key);
  return key;
}

/** Takes the current material away (expiry or DeleteImportedKeyMaterial): only PendingDeletion stays. */
export function removeMaterial(key: ModelKey): void {
  delete key.material;
  settleState(key);
}
