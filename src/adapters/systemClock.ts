import type { Clock } from "../ports/clock.js";

/**
 * The machine's clock.
 *
 * @example
 * ```ts
 * const kms = createKms({ clock: systemClock() });
 * ```
 */
export function systemClock(): Clock {
  return { now: () => new Date() };
}
