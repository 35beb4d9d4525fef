import type { BehaviourProfile } from "../../src/domain/behaviourProfile.js";
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

/** The behaviour profiles of a `flawedKeyStore`, by `account/Region`. */
export type BehaviourRows = Map<string, BehaviourProfile>;

const behavioursOf = new WeakMap<Rows, BehaviourRows>();

/** The behaviour profiles kept with `rows`: every instance over the same rows shares them. */
export function behaviourRowsOf(rows: Rows): BehaviourRows {
  let behaviours = behavioursOf.get(rows);
  if (behaviours === undefined) {
    behaviours = new Map();
    behavioursOf.set(rows, behaviours);
  }
  return behaviours;
}
