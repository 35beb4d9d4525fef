import { keyMaterials } from "./keyMaterials.js";
import type { KeyRecord } from "./keyRecord.js";
import type { IncludeKeyMaterial, RotationsListEntry } from "./requests/listKeyRotations.js";

/**
 * The materials of `key` as ListKeyRotations lists them, oldest first (docs/decisions/0030-rotation-of-imported-material.md): every one with
 * `ALL_KEY_MATERIAL`, only those a rotation made current with `ROTATIONS_ONLY`. Imported
 * material shows its import state, expiration model and description.
 *
 * @example
 * ```ts
 * keyRotationEntries(key, "ALL_KEY_MATERIAL")[0]?.KeyMaterialState; // "CURRENT"
 * ```
 */
export function keyRotationEntries(
  key: KeyRecord,
  include: IncludeKeyMaterial,
): RotationsListEntry[] {
  const external = key.origin === "EXTERNAL";
  return keyMaterials(key)
    .filter((m) => include === "ALL_KEY_MATERIAL" || m.rotationDate !== undefined)
    .map((m) => ({
      KeyId: key.arn,
      KeyMaterialId: m.id,
      ...(external && m.description !== undefined ? { KeyMaterialDescription: m.description } : {}),
      ...(external ? { ImportState: m.sealed === undefined ? "PENDING_IMPORT" : "IMPORTED" } : {}),
      KeyMaterialState: m.state,
      ...(external && m.sealed !== undefined
        ? {
            ExpirationModel:
              m.validTo === undefined ? "KEY_MATERIAL_DOES_NOT_EXPIRE" : "KEY_MATERIAL_EXPIRES",
          }
        : {}),
      ...(m.validTo === undefined ? {} : { ValidTo: m.validTo }),
      ...(m.rotationDate === undefined
        ? {}
        : { RotationDate: m.rotationDate, RotationType: "ON_DEMAND" }),
    }));
}
