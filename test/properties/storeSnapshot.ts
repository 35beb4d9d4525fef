import type { KeyArn } from "../../src/domain/keyArn.js";
import type { KeyStore } from "../../src/ports/keyStore.js";

/**
 * A canonical text of any value: object keys sorted, `Date` as ISO text (or `Invalid Date`),
 * `Uint8Array` as hex, `undefined` members kept, so two values serialize alike exactly when
 * they hold the same bytes.
 */
export function serialize(value: unknown): string {
  return JSON.stringify(canonical(value));
}

function canonical(value: unknown): unknown {
  if (value === undefined) return { $undefined: true };
  if (value instanceof Date) {
    return { $date: Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString() };
  }
  if (value instanceof Uint8Array) return { $hex: Buffer.from(value).toString("hex") };
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}

/** The serialized records and versions stored under `arns`, read straight from `store`. */
export async function storeSnapshot(store: KeyStore, arns: Iterable<KeyArn>): Promise<string> {
  const rows: [string, unknown][] = [];
  for (const arn of [...arns].sort()) {
    rows.push([arn, (await store.get(arn))._unsafeUnwrap()]);
  }
  return serialize(rows);
}
