import { type Duration, isBefore } from "date-fns";
import type { Clock } from "../ports/clock.js";

/** A {@link Clock} that moves only when told to, and only forward. */
export interface ManualClock extends Clock {
  /**
   * Moves forward by milliseconds or by a duration such as `{ days: 30 }` (a day is 24 hours,
   * whatever the host's time zone); returns the new time.
   */
  advance(by: number | Pick<Duration, "days" | "hours" | "minutes" | "seconds">): Date;
  /** Moves to `date`; throws `RangeError` if that is in the past of this clock. */
  set(date: Date): Date;
}

/**
 * A clock for tests and simulations: time stands still until `advance` or `set` moves it, and
 * it never goes back.
 *
 * @example
 * ```ts
 * const clock = manualClock(new Date("2026-01-01T00:00:00Z"));
 * const kms = createKms({ clock });
 * clock.advance({ days: 31 });
 * ```
 */
export function manualClock(start: Date = new Date("2026-01-01T00:00:00.000Z")): ManualClock {
  let current = new Date(start.getTime());
  const moveTo = (next: Date): Date => {
    if (Number.isNaN(next.getTime()))
      throw new RangeError("manualClock cannot move to an invalid date.");
    if (isBefore(next, current)) {
      throw new RangeError(
        `manualClock only moves forward: ${next.toISOString()} is before ${current.toISOString()}.`,
      );
    }
    current = new Date(next.getTime());
    return new Date(current.getTime());
  };
  return {
    now: () => new Date(current.getTime()),
    advance: (by) =>
      moveTo(new Date(current.getTime() + (typeof by === "number" ? by : milliseconds(by)))),
    set: (date) => moveTo(date),
  };
}

function milliseconds({
  days = 0,
  hours = 0,
  minutes = 0,
  seconds = 0,
}: Pick<Duration, "days" | "hours" | "minutes" | "seconds">): number {
  return (((days * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000;
}
