import type { KeyEvent } from "./keyEvent.js";
import { keyMaterials, withKeyMaterials } from "./keyMaterials.js";
import type { KeyRecord, OtherMaterial } from "./keyRecord.js";

/** A key as it is at some instant, and what happened to it since it was stored. */
export interface ObservedKey {
  /** The key, or `undefined` once its deletion date has passed (docs/decisions/0013-deletion-window.md). */
  readonly key: KeyRecord | undefined;
  /** Events that time alone caused: one `DeleteExpiredKeyMaterial` per expired material, oldest first. */
  readonly events: readonly KeyEvent[];
}

/**
 * The effective state of a stored key at `now` (docs/decisions/0012-lazy-time-from-a-clock-port.md): expiry and deletion are lazy, so this
 * pure function is where they happen. Each material whose `validTo` is at or before `now` is
 * removed, and the key goes to `PendingImport`, except that `PendingDeletion` stays (docs/decisions/0006-losing-material-means-pending-import.md); a
 * material pending rotation goes altogether (docs/decisions/0030-rotation-of-imported-material.md). A key past its deletion date no longer
 * exists (docs/decisions/0013-deletion-window.md).
 *
 * @example
 * ```ts
 * const { key, events } = observeKey(stored, clock.now());
 * ```
 */
export function observeKey(stored: KeyRecord, now: Date): ObservedKey {
  if (stored.keyState === "PendingDeletion" && stored.deletionDate.getTime() <= now.getTime()) {
    return { key: undefined, events: [] };
  }
  if (stored.otherMaterials === undefined && !expiresBy(stored, now))
    return { key: stored, events: [] };
  const materials = keyMaterials(stored);
  const expired = materials.filter(
    (m) => m.validTo !== undefined && m.validTo.getTime() <= now.getTime(),
  );
  if (expired.length === 0) return { key: stored, events: [] };

  const key = withKeyMaterials(
    stored,
    materials.flatMap((m) =>
      !expired.includes(m) ? [m] : m.state === "PENDING_ROTATION" ? [] : [withoutBytes(m)],
    ),
  );
  const events = expired
    .map(
      (m): KeyEvent => ({
        eventName: "DeleteExpiredKeyMaterial",
        keyArn: key.arn,
        eventTime: m.validTo ?? now,
        keyState: key.keyState,
        keyMaterialId: m.id,
      }),
    )
    .sort((a, b) => a.eventTime.getTime() - b.eventTime.getTime());
  return { key, events };
}

/**
 * The key without its current material (docs/decisions/0006-losing-material-means-pending-import.md): `Enabled`/`Disabled` go to `PendingImport`,
 * `PendingDeletion` stays. `boundMaterialId` remembers what it was.
 */
export function withoutMaterial(key: KeyRecord): KeyRecord {
  return withKeyMaterials(
    key,
    keyMaterials(key).map((m) => (m.state === "CURRENT" ? withoutBytes(m) : m)),
  );
}

/** A material as it is once deleted: its ID, state, description and rotation date only. */
export function withoutBytes(material: OtherMaterial): OtherMaterial {
  const { sealed: _sealed, validTo: _validTo, ...rest } = material;
  return rest;
}

/** Whether the current material of a key without other materials expires at or before `now`. */
function expiresBy(key: KeyRecord, now: Date): boolean {
  if (key.keyState === "PendingImport") return false;
  const validTo = key.material?.validTo;
  return validTo !== undefined && validTo.getTime() <= now.getTime();
}
