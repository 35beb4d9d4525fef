import type { KeyMaterialId } from "./keyMaterialId.js";
import type { KeyMaterial, KeyRecord, OtherMaterial } from "./keyRecord.js";

/**
 * Every material of `key`, wherever its record keeps it, oldest first: the first material, then
 * the rotated ones by rotation date, then the one pending rotation (docs/decisions/0030-rotation-of-imported-material.md). A material is
 * imported exactly when it has `sealed`. A key that never had material has none.
 *
 * @example
 * ```ts
 * keyMaterials(key).filter((m) => m.sealed === undefined); // the missing materials
 * ```
 */
export function keyMaterials(key: KeyRecord): readonly OtherMaterial[] {
  const others = key.otherMaterials ?? [];
  const held = key.keyState === "PendingImport" ? undefined : key.material;
  const current: OtherMaterial[] =
    held !== undefined
      ? [{ ...held, state: "CURRENT" }]
      : others.some((m) => m.state === "CURRENT") || key.boundMaterialId === undefined
        ? []
        : [{ id: key.boundMaterialId, state: "CURRENT" }];
  return [...others, ...current].sort((a, b) => age(a) - age(b));
}

/** Sorts the first material first, rotated ones by rotation date, the pending one last. */
function age(material: OtherMaterial): number {
  if (material.state === "PENDING_ROTATION") return Number.POSITIVE_INFINITY;
  return material.rotationDate?.getTime() ?? Number.NEGATIVE_INFINITY;
}

/**
 * `key` holding exactly `materials` (one of them `CURRENT`), its state following from them
 * (docs/decisions/0030-rotation-of-imported-material.md, docs/decisions/0006-losing-material-means-pending-import.md): while every material it depends on (`CURRENT` and `NON_CURRENT`) is imported, a key
 * that is not `Disabled` or `PendingDeletion` is `Enabled`; once one is missing it is
 * `PendingImport`, except that `PendingDeletion` stays. A key whose only material is its current
 * one, with no description or rotation date, is written as before rotation existed: `material`
 * and `boundMaterialId` only.
 */
export function withKeyMaterials(key: KeyRecord, materials: readonly OtherMaterial[]): KeyRecord {
  const current = materials.find((m) => m.state === "CURRENT");
  const {
    keyState,
    material: _material,
    otherMaterials: _others,
    deletionDate,
    pendingWindowInDays,
    ...base
  } = key as KeyRecord & {
    material?: KeyMaterial;
    deletionDate?: Date;
    pendingWindowInDays?: number;
  };
  if (current === undefined) return key;
  const complete = materials.every((m) => m.state === "PENDING_ROTATION" || m.sealed !== undefined);
  const held = complete ? heldMaterial(current) : undefined;
  const others = held === undefined ? materials : materials.filter((m) => m !== current);
  const plain =
    others.length === 0 ||
    (others.length === 1 &&
      others[0] === current &&
      current.sealed === undefined &&
      current.description === undefined &&
      current.rotationDate === undefined);
  const rest = {
    ...base,
    boundMaterialId: current.id,
    ...(plain ? {} : { otherMaterials: others }),
  };
  if (
    keyState === "PendingDeletion" &&
    deletionDate !== undefined &&
    pendingWindowInDays !== undefined
  )
    return {
      ...rest,
      keyState,
      deletionDate,
      pendingWindowInDays,
      ...(held === undefined ? {} : { material: held }),
    };
  if (held === undefined) return { ...rest, keyState: "PendingImport" };
  return { ...rest, keyState: keyState === "Disabled" ? "Disabled" : "Enabled", material: held };
}

/** The current material as `material` holds it, if it is imported. */
function heldMaterial(current: OtherMaterial): KeyMaterial | undefined {
  const { state: _state, sealed, ...rest } = current;
  return sealed === undefined ? undefined : { ...rest, sealed };
}

/** The material of `key` with the ID `id` that is imported, if there is one. */
export function importedMaterial(key: KeyRecord, id: KeyMaterialId): KeyMaterial | undefined {
  // The current material, held: the common case, found without listing every material.
  if (key.keyState !== "PendingImport" && key.material?.id === id) return key.material;
  const found = keyMaterials(key).find((m) => m.id === id);
  return found === undefined ? undefined : heldMaterial(found);
}
