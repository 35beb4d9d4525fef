import { daysAfter } from "./daysAfter.js";
import type { KeyRecord } from "./keyRecord.js";

/** A key's automatic rotation as GetKeyRotationStatus reports it. */
export interface KeyRotationStatus {
  readonly KeyRotationEnabled: boolean;
  readonly RotationPeriodInDays?: number;
  readonly NextRotationDate?: Date;
}

const dayMs = 24 * 60 * 60 * 1000;

/**
 * The rotation status of an `AWS_KMS` key at `now` (docs/decisions/0026-rotation-settings.md):
 * off while pending deletion (and back on after CancelKeyDeletion); when on, the next date a
 * whole number of periods after rotation was enabled. kms-byok records the setting; it does not
 * rotate the material.
 *
 * @example
 * ```ts
 * keyRotationStatus(key, now); // { KeyRotationEnabled: true, RotationPeriodInDays: 365, NextRotationDate }
 * ```
 */
export function keyRotationStatus(key: KeyRecord, now: Date): KeyRotationStatus {
  const rotation = key.rotation;
  if (rotation === undefined || key.keyState === "PendingDeletion") {
    return { KeyRotationEnabled: false };
  }
  const periodMs = rotation.periodInDays * dayMs;
  const periods = Math.floor((now.getTime() - rotation.enabledAt.getTime()) / periodMs) + 1;
  return {
    KeyRotationEnabled: true,
    RotationPeriodInDays: rotation.periodInDays,
    NextRotationDate: daysAfter(rotation.enabledAt, periods * rotation.periodInDays),
  };
}
