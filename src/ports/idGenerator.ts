/** Where new key IDs and parameter set IDs come from: each call returns a fresh lowercase UUID. */
export interface IdGenerator {
  /** A fresh lowercase UUID, never returned before. */
  next(): string;
}
