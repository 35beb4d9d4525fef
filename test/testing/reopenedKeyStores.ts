import type { KeyStore } from "../../src/ports/keyStore.js";
import { keyStoreOver } from "./brokenKeyStores.js";
import { type AliasRows, aliasRowsOf, type Rows } from "./rows.js";

// Stores whose storage another instance can open, as keyStoreContract's `openAgain` does: a
// right one, and some that break what a storage shared by several processes must keep.

const storageOf = new WeakMap<KeyStore, Rows>();

function instanceOver(rows: Rows, aliasRows: AliasRows = aliasRowsOf(rows)): KeyStore {
  const store = keyStoreOver(rows, [], aliasRows);
  storageOf.set(store, rows);
  return store;
}

function rowsOf(store: KeyStore): Rows {
  const rows = storageOf.get(store);
  if (rows === undefined) throw new Error("This store was not made by sharedKeyStore.");
  return rows;
}

/** A right store (a flawedKeyStore without flaws) over rows the `open…` functions can share. */
export function sharedKeyStore(): KeyStore {
  return instanceOver(new Map());
}

/** Opens another instance over the same rows, as a database or a file does. */
export function openShared(store: KeyStore): KeyStore {
  return instanceOver(rowsOf(store));
}

/** Opens an instance over a private copy of the rows: neither sees what the other writes next. */
export function openSnapshot(store: KeyStore): KeyStore {
  const rows = rowsOf(store);
  return instanceOver(structuredClone(rows), structuredClone(aliasRowsOf(rows)));
}

/** Opens another instance over the same rows, but opening sets every version back to 1. */
export function openForgettingVersions(store: KeyStore): KeyStore {
  const rows = rowsOf(store);
  for (const [arn, stored] of rows) rows.set(arn, { ...stored, version: 1 });
  return instanceOver(rows);
}

/** Opens another instance over the same key rows, but with aliases of its own, none yet. */
export function openForgettingAliases(store: KeyStore): KeyStore {
  return instanceOver(rowsOf(store), new Map());
}
