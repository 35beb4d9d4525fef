import { addHours } from "date-fns";

/**
 * `days` whole days of 24 hours after `date`. KMS counts `ValidTo` bounds and deletion
 * windows in elapsed time, so the host's time zone and its daylight-saving changes must not
 * matter (date-fns `addDays` follows the local calendar).
 *
 * @example
 * ```ts
 * daysAfter(new Date("2026-03-07T12:00:00Z"), 7); // 2026-03-14T12:00:00Z in every time zone
 * ```
 */
export function daysAfter(date: Date, days: number): Date {
  return addHours(date, days * 24);
}
