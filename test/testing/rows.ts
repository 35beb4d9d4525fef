import type { StoredAlias, StoredKey } from "../../src/ports/keyStore.js";

/** The storage of a `flawedKeyStore` (brokenKeyStores.ts): its rows, by ARN. */
export type Rows = Map<string, StoredKey>;

/** The aliases of a `flawedKeyStore`, by alias ARN. */
export type AliasRows = Map<string, StoredAlias>;

const aliasesOf = new WeakMap<Rows, AliasRows>();

/** The aliases kept with `rows`: every instance over the same rows shares them. */
export function aliasRowsOf(rows: Rows): AliasRows {
  let aliases = aliasesOf.get(rows);
  if (aliases === undefined) {
    aliases = new Map();
    aliasesOf.set(rows, aliases);
  }
  return aliases;
}
