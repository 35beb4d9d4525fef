/** Where the service gets the time; the domain never reads a clock itself (docs/decisions/0012-lazy-time-from-a-clock-port.md). */
export interface Clock {
  /** The current time, as the service and the domain see it. */
  now(): Date;
}
