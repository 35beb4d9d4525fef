import type { ModelKey, ModelMaterial } from "./modelState.js";

// The materials of a model key in the current profile (docs/decisions/0030-rotation-of-imported-material.md). A classic key has no
// `others`, so there these reduce to the classic rules.

/** Whether the key holds every material it depends on: the current one and each non-current one. */
export function holdsAllMaterial(key: ModelKey): boolean {
  return (
    key.material !== undefined &&
    (key.others ?? []).every((other) => other.state === "PENDING_ROTATION" || other.held)
  );
}

/**
 * Sets the key's state from its materials: a key missing one goes to `PendingImport` (only
 * `PendingDeletion` stays); a `PendingImport` key holding them all becomes `Enabled`.
 */
export function settleState(key: ModelKey): void {
  if (key.state === "PendingDeletion") return;
  if (!holdsAllMaterial(key)) key.state = "PendingImport";
  else if (key.state === "PendingImport") key.state = "Enabled";
}

/** How many on-demand rotations the key has had. */
export function rotationCount(key: ModelKey): number {
  return (
    (key.others ?? []).filter((other) => other.rotatedAt !== undefined).length +
    (key.rotatedAt === undefined ? 0 : 1)
  );
}

/** The current material of a key that has one, as an `Enabled` key always does. */
export function currentMaterial(key: ModelKey): ModelMaterial {
  if (key.bound === undefined) throw new Error("The model key has no current material.");
  return key.bound;
}
