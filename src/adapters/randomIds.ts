import { randomUUID } from "node:crypto";
import type { IdGenerator } from "../ports/idGenerator.js";

/**
 * Random (version 4) UUIDs, as AWS uses for key IDs.
 *
 * @example
 * ```ts
 * const kms = createKms({ ids: randomIds() });
 * ```
 */
export function randomIds(): IdGenerator {
  return { next: () => randomUUID() };
}
