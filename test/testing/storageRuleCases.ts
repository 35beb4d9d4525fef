import { memoryKeyStore } from "../../src/adapters/memoryKeyStore.js";
import type { KeyStore } from "../../src/ports/keyStore.js";
import { type Flaw, flawedKeyStore } from "./brokenKeyStores.js";
import {
  openForgettingVersions,
  openShared,
  openSnapshot,
  sharedKeyStore,
} from "./reopenedKeyStores.js";

/** A broken store, the check that must fail for it, and what its message must say. */
export interface BrokenCase {
  readonly store: string;
  readonly make: () => KeyStore;
  /** Given to keyStoreContract as `openAgain`, for the checks of two instances. */
  readonly openAgain?: (store: KeyStore) => KeyStore;
  readonly check: string;
  readonly says: string;
}

/** The case of a {@link flawedKeyStore} with one flaw. */
export const flawed = (flaw: Flaw, check: string, says: string): BrokenCase => ({
  store: `whose ${flaw}`,
  make: () => flawedKeyStore(flaw),
  check,
  says,
});

const removes =
  "removeDeletedKeys(now) removes exactly the PendingDeletion keys due at or before now, in every account and Region, and returns how many it removed";
const keeps =
  "removeDeletedKeys leaves every key that is not due, in every state, exactly as stored and at the same version";
const again =
  "removeDeletedKeys called again removes nothing and returns 0, and removed keys stay removed";
const reread =
  "an instance opened anew over the same storage reads back, through get and a full page walk, every key the first wrote, exactly and at the same version, and not the key it removed";
const acrossInstances =
  "compare-and-set holds across instances: a put at a stale version through either instance returns WriteConflict, and one at the current version succeeds and both read it";
const split =
  "20 concurrent writers split across two instances over the same storage lose no update";
const halves =
  "of 20 concurrent puts at the same expected version, half through each of two instances over the same storage, exactly one succeeds";

const reopened = (
  openAgain: (store: KeyStore) => KeyStore,
  store: string,
  check: string,
  says: string,
): BrokenCase => ({ store, make: sharedKeyStore, openAgain, check, says });
const snapshot = "whose openAgain opens a private copy of the storage";

/** Stores that break the rules of removal, large pages, durability and two instances. */
export const storageRuleCases: BrokenCase[] = [
  flawed("removeDeletedKeys removes keys not yet due", removes, "due 2026-04-30T08:00:00.501Z"),
  flawed("removeDeletedKeys removes keys not yet due", keeps, "it returned undefined"),
  flawed("removeDeletedKeys keeps keys due exactly now", removes, "due 2026-04-30T08:00:00.500Z"),
  flawed(
    "removeDeletedKeys only looks at the first account and Region stored",
    removes,
    "arn:aws:kms:us-east-1:444455556666",
  ),
  flawed(
    "removeDeletedKeys counts the keys it looked at",
    removes,
    "removed 16 keys, so it must return 16",
  ),
  flawed("removeDeletedKeys counts the keys it looked at", again, "must return 0"),
  flawed("removeDeletedKeys returns a running total", again, "returned: { ok: 16 }"),
  flawed("removeDeletedKeys rewrites the keys it keeps", keeps, "the version is 2, not 1"),
  flawed(
    "list refuses the marker of a removed key",
    "a page walk goes on when the key its marker names is removed between pages, listing every remaining key once, in ARN order",
    "InvalidMarkerException",
  ),
  flawed(
    "removeDeletedKeys only hides keys",
    "after removal a put at the removed key's last version returns WriteConflict, and a put at version 0 creates the key anew",
    "was removed, so put(<record of",
  ),
  flawed(
    "put cuts descriptions at 4000 characters",
    "a full page walk with limit 1000 over 1200 keys at their largest (descriptions of 8192 characters, ten RSA_4096-sized parameter sets, sealed material, 50 tags of 128 and 256 characters, a policy of 32768 characters) returns every record exactly",
    "record.description should be",
  ),
  reopened(
    openForgettingVersions,
    "whose versions restart at 1 when opened again",
    reread,
    "the version is 1, not 2",
  ),
  reopened(
    openForgettingVersions,
    "whose versions restart at 1 when opened again",
    acrossInstances,
    "the version is 1, not 2",
  ),
  reopened(
    openSnapshot,
    snapshot,
    acrossInstances,
    "get through the first instance must return it",
  ),
  reopened(openSnapshot, snapshot, split, "Every writer must read the key it races on"),
  reopened(openSnapshot, snapshot, halves, "but 2 succeeded"),
];

/** Honest models of one storage, which must pass every check. */
export const sharedStorages: readonly [string, () => KeyStore, (store: KeyStore) => KeyStore][] = [
  ["memoryKeyStore, opened again as the same instance", memoryKeyStore, (store) => store],
  ["the small test store, whose instances share their rows", sharedKeyStore, openShared],
];
