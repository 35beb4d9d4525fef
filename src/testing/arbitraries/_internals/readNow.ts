import type { Clock } from "../../../ports/clock.js";

/**
 * A reader of the time a constraint gives: a fixed `Date`, or a {@link Clock} read each time a
 * value is generated. Throws `TypeError` naming `api` for an invalid `Date`.
 */
export function readNow(now: Date | Clock, api: string): () => Date {
  if (now instanceof Date) {
    if (Number.isNaN(now.getTime())) {
      throw new TypeError(`arbitraries.${api}: now must be a valid Date or a Clock.`);
    }
    const time = now.getTime();
    return () => new Date(time);
  }
  return () => now.now();
}
