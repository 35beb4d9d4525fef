import type { KeyEvent } from "./keyEvent.js";
import type { KeyRecord } from "./keyRecord.js";

/** A key as it is at some instant, and what happened to it since it was stored. */
export interface ObservedKey {
  /** The key, or `undefined` once its deletion date has passed (docs/decisions/0013-deletion-window.md). */
  readonly key: KeyRecord | undefined;
  /** Events that time alone caused: at most one `DeleteExpiredKeyMaterial`. */
  readonly events: readonly KeyEvent[];
}

/**
 * The effective state of a stored key at `now` (docs/decisions/0012-lazy-time-from-a-clock-port.md): expiry and deletion are lazy, so this
 * pure function is where they happen. Material whose `validTo` is at or before `now` is
 * removed and the key goes to `PendingImport`, except that `PendingDeletion` stays (docs/decisions/0006-losing-material-means-pending-import.md); a key
 * past its deletion date no longer exists (docs/decisions/0013-deletion-window.md).
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
  const validTo = stored.keyState === "PendingImport" ? undefined : stored.material?.validTo;
  if (validTo === undefined || validTo.getTime() > now.getTime())
    return { key: stored, events: [] };

  const key = withoutMaterial(stored);
  return {
    key,
    events: [
      {
        eventName: "DeleteExpiredKeyMaterial",
        keyArn: key.arn,
        eventTime: validTo,
        keyState: key.keyState,
        ...materialIdOf(stored),
      },
    ],
  };
}

/**
 * The key without its material (docs/decisions/0006-losing-material-means-pending-import.md): `Enabled`/`Disabled` go to `PendingImport`,
 * `PendingDeletion` stays. Only `boundMaterialId` remembers what it was.
 */
export function withoutMaterial(key: KeyRecord): KeyRecord {
  if (key.keyState === "PendingImport") return key;
  const { material: _material, ...rest } = key;
  if (rest.keyState === "PendingDeletion") return rest;
  return { ...rest, keyState: "PendingImport" };
}

function materialIdOf(key: KeyRecord): Pick<KeyEvent, "keyMaterialId"> {
  return key.keyState !== "PendingImport" && key.material !== undefined
    ? { keyMaterialId: key.material.id }
    : {};
}
