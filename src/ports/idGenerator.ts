/** Where new key IDs and parameter set IDs come from: each call returns a fresh lowercase UUID. */
export interface IdGenerator {
  next(): string;
}
