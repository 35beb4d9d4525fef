import { keyMaterials } from "./keyMaterials.js";
import type { KeyRecord } from "./keyRecord.js";
import { sameBytes } from "./sameBytes.js";

/**
 * The sealed materials `before` held that `after` no longer holds for use: those deleted or
 * expired, or replaced by a new sealing, and every one when the key is gone (`undefined`) or
 * `PendingDeletion`. A crypto provider drops what it cached for them.
 *
 * @example
 * ```ts
 * sealedMaterialsLeavingUse(enabledKey, undefined); // the sealed bytes of each of its materials
 * ```
 */
export function sealedMaterialsLeavingUse(
  before: KeyRecord,
  after: KeyRecord | undefined,
): Uint8Array[] {
  const kept =
    after === undefined || after.keyState === "PendingDeletion"
      ? []
      : keyMaterials(after).flatMap((m) => m.sealed ?? []);
  return keyMaterials(before).flatMap((m) =>
    m.sealed === undefined || kept.some((sealed) => sameBytes(sealed, m.sealed)) ? [] : [m.sealed],
  );
}
