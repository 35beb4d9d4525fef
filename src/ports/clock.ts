/** Where the service gets the time; the domain never reads a clock itself (D12). */
export interface Clock {
  now(): Date;
}
