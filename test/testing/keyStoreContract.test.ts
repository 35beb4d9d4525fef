import { describe, expect, it } from "vitest";
import { memoryKeyStore } from "../../src/adapters/memoryKeyStore.js";
import type { KeyStore } from "../../src/ports/keyStore.js";
import {
  type KeyStoreCheck,
  type KeyStoreRule,
  keyStoreContract,
} from "../../src/testing/keyStoreContract.js";
import { aliasRuleCases } from "./aliasRuleCases.js";
import { behaviourRuleCases } from "./behaviourRuleCases.js";
import {
  checkThenActKeyStore,
  flawedKeyStore,
  jsonKeyStore,
  promiseKeyStore,
  rejectingKeyStore,
  throwingKeyStore,
  wholeBufferKeyStore,
} from "./brokenKeyStores.js";
import { type BrokenCase, flawed, sharedStorages, storageRuleCases } from "./storageRuleCases.js";

const reopeningRules: KeyStoreRule[] = ["durability", "two instances"];
const rules: KeyStoreRule[] = [
  "round trip",
  "compare-and-set",
  "concurrent writers",
  "isolation",
  "pagination",
  "no aliasing",
  "errors are values",
  "removal",
  "large pages",
  "aliases",
  "behaviour profiles",
  ...reopeningRules,
];

describe("keyStoreContract against memoryKeyStore", () => {
  const openAgain = (store: KeyStore) => store;
  for (const check of keyStoreContract(() => memoryKeyStore(), { openAgain }))
    it(check.name, check.run);
});

describe("keyStoreContract", () => {
  const checks = keyStoreContract(() => memoryKeyStore());
  const all = keyStoreContract(memoryKeyStore, { openAgain: (store) => store });

  it("names every check uniquely", () => {
    expect(new Set(all.map((c) => c.name)).size).toBe(all.length);
  });

  it("has at least one check for each rule of the KeyStore port, and no other rule", () => {
    expect([...new Set(all.map((c) => c.rule))].sort()).toEqual([...rules].sort());
  });

  it("leaves out the checks of two instances when it has no openAgain", () => {
    const left = rules.filter((rule) => !reopeningRules.includes(rule));

    expect([...new Set(checks.map((c) => c.rule))].sort()).toEqual(left.sort());
  });

  it("makes a fresh store for each check it runs", async () => {
    let made = 0;
    const counted = keyStoreContract(() => {
      made += 1;
      return memoryKeyStore();
    });
    expect(made).toBe(0);

    for (const check of counted.slice(0, 3)) await check.run();

    expect(made).toBe(3);
  });

  it("accepts a factory that returns a promise of a store", async () => {
    for (const check of keyStoreContract(async () => memoryKeyStore()).slice(0, 2))
      await check.run();
  });

  it("throws RangeError for fewer than 2 writers or a page limit that is not a positive integer", () => {
    expect(() => keyStoreContract(memoryKeyStore, { writers: 1 })).toThrow(RangeError);
    expect(() => keyStoreContract(memoryKeyStore, { pageLimits: [2, 0] })).toThrow(RangeError);
    expect(() => keyStoreContract(memoryKeyStore, { pageLimits: [1.5] })).toThrow(RangeError);
  });

  it("passes every check for the small test store when it has no flaws", async () => {
    for (const check of keyStoreContract(() => flawedKeyStore())) await check.run();
  });

  for (const [store, make, openAgain] of sharedStorages)
    it(`passes the checks of two instances for ${store}`, async () => {
      const reopening = keyStoreContract(make, { openAgain }).filter(({ rule }) =>
        reopeningRules.includes(rule),
      );

      expect(reopening.length).toBeGreaterThan(0);
      for (const check of reopening) await check.run();
    });
});

/** How a check reported a broken store: the error it rejected with. */
async function failureOf(check: KeyStoreCheck): Promise<Error> {
  const outcome = await check.run().then(
    () => "passed",
    (error: unknown) => error,
  );
  if (!(outcome instanceof Error)) throw new Error(`"${check.name}" ${String(outcome)}`);
  return outcome;
}

const cases: BrokenCase[] = [
  flawed(
    "put ignores expectedVersion",
    "put with expectedVersion 0 for a key that exists returns WriteConflict and changes nothing",
    "must return err WriteConflict",
  ),
  flawed(
    "put ignores expectedVersion",
    "put with a stale or unknown expectedVersion returns WriteConflict and changes nothing",
    "The key is stored at version 2",
  ),
  flawed(
    "put ignores expectedVersion",
    "put with a non-zero expectedVersion for a key that is not stored returns WriteConflict and stores nothing",
    "No version of the key is stored",
  ),
  flawed(
    "put ignores expectedVersion",
    "20 concurrent writers that read, change and put with the version they read lose no update",
    "19 tags are missing",
  ),
  flawed(
    "put ignores expectedVersion",
    "of 20 concurrent puts at the same expected version exactly one succeeds",
    "but 20 succeeded",
  ),
  {
    store: "that checks the version and writes in two steps",
    make: checkThenActKeyStore,
    check:
      "20 concurrent writers that read, change and put with the version they read lose no update",
    says: "tags are missing",
  },
  {
    store: "that checks the version and writes in two steps",
    make: checkThenActKeyStore,
    check: "of 20 concurrent puts at the same expected version exactly one succeeds",
    says: "but 20 succeeded",
  },
  flawed(
    "put does not raise the version",
    "each successful put returns a higher version than the one it replaced, and get reports that version",
    "version returned: 1",
  ),
  flawed(
    "get answers version 0 for a key it does not hold",
    "get returns undefined for an ARN that was never stored",
    "on an empty store must return ok(undefined)",
  ),
  flawed(
    "list refuses a marker once its key has changed",
    "following nextMarker lists every key exactly once even when keys are rewritten between pages",
    "must succeed here, but it returned an error",
  ),
  flawed(
    "put merges into the stored record",
    "put replaces the whole stored record, so a member the new record lacks is gone",
    "record.tags should be undefined",
  ),
  {
    store: "that keeps records as JSON",
    make: jsonKeyStore,
    check:
      "get returns an equal record, with Dates as Dates and bytes as Uint8Arrays, for a key in every state",
    says: "record.creationDate should be the Date 2026-03-01T12:00:00.123Z but is '2026-03-01T12:00:00.123Z'",
  },
  {
    store: "that keeps records as JSON",
    make: jsonKeyStore,
    check:
      "list returns records equal to the ones put stored, with Dates as Dates and bytes as Uint8Arrays",
    says: "record.creationDate should be the Date",
  },
  {
    store: "that saves the whole buffer behind a byte view",
    make: wholeBufferKeyStore,
    check:
      "get returns an equal record, with Dates as Dates and bytes as Uint8Arrays, for a key in every state",
    says: "record.material.sealed should be Uint8Array(32)",
  },
  flawed(
    "put keeps the caller's object",
    "changing a record after put does not change what the store returns",
    "After the caller changed the records it had put",
  ),
  flawed(
    "get returns the stored object",
    "changing what get returned does not change what the store returns next",
    "(scribbled)",
  ),
  flawed(
    "list returns the stored objects",
    "changing a page that list returned does not change what the store returns next",
    "After the caller changed the page list returned",
  ),
  flawed(
    "list ignores the Region",
    "list returns only the keys of the requested account and Region",
    "arn:aws:kms:eu-west-1:111122223333",
  ),
  flawed(
    "list ignores the account",
    "list returns only the keys of the requested account and Region",
    "arn:aws:kms:us-east-1:444455556666",
  ),
  flawed(
    "list accepts markers from any scope",
    "a marker handed out for one account and Region is refused in another with InvalidMarkerException",
    "must return err InvalidMarkerException",
  ),
  flawed("get ignores case", "get finds a key by its exact ARN only", "ARN:AWS:KMS:US-EAST-1"),
  flawed(
    "list starts over on a marker it never handed out",
    "list returns InvalidMarkerException for a marker it never handed out",
    "'not a marker!'",
  ),
  flawed(
    "list drops the last key of each page",
    "following nextMarker lists every key of the scope exactly once, in ARN order, in pages of at most the limit (limits 1, 2, 3, 4, 5, 6, 7, 1000)",
    "an empty page with a nextMarker",
  ),
  flawed(
    "list drops the last key of each page",
    "following nextMarker lists every key exactly once even when keys are rewritten between pages",
    "never listed some keys",
  ),
  flawed(
    "list repeats the last key of the previous page",
    "following nextMarker lists every key of the scope exactly once, in ARN order, in pages of at most the limit (limits 1, 2, 3, 4, 5, 6, 7, 1000)",
    "listed some keys more than once",
  ),
  flawed(
    "list hands out a marker after the last key",
    "following nextMarker lists every key of the scope exactly once, in ARN order, in pages of at most the limit (limits 1, 2, 3, 4, 5, 6, 7, 1000)",
    "the page that holds the last key must have no nextMarker",
  ),
  flawed(
    "list ignores the limit",
    "following nextMarker lists every key of the scope exactly once, in ARN order, in pages of at most the limit (limits 1, 2, 3, 4, 5, 6, 7, 1000)",
    "more than the limit",
  ),
  flawed(
    "list reverses each page",
    "following nextMarker lists every key of the scope exactly once, in ARN order, in pages of at most the limit (limits 1, 2, 3, 4, 5, 6, 7, 1000)",
    "did not list the keys in ARN order",
  ),
  {
    store: "that throws from get for something that is not an ARN",
    make: throwingKeyStore,
    check:
      "get, put and list answer expected failures with err values, never by throwing or rejecting",
    says: "get('not an ARN') threw instead of returning a ResultAsync",
  },
  {
    store: "that rejects the promise of list for a bad marker",
    make: rejectingKeyStore,
    check:
      "get, put and list answer expected failures with err values, never by throwing or rejecting",
    says: "rejected instead of resolving to ok(…) or err(…)",
  },
  {
    store: "that returns plain promises from put",
    make: promiseKeyStore,
    check:
      "get, put and list answer expected failures with err values, never by throwing or rejecting",
    says: "did not return a neverthrow ResultAsync (no map, mapErr, andThen, match)",
  },
  ...storageRuleCases,
  ...aliasRuleCases,
  ...behaviourRuleCases,
];

describe("keyStoreContract catches a broken store", () => {
  for (const { store, make, openAgain, check, says } of cases) {
    it(`fails "${check}" for a store ${store}`, async () => {
      const options = openAgain === undefined ? {} : { openAgain };
      const named = keyStoreContract(make, options).find((c) => c.name === check);
      if (named === undefined) throw new Error(`no check is named "${check}"`);

      const error = await failureOf(named);

      expect(error.name).toBe("KeyStoreContractViolation");
      expect(error.message).toMatch(new RegExp(`^KeyStore contract, rule "${named.rule}": `));
      expect(error.message).toContain(says);
    });
  }

  it("has a broken store for every check, so no check passes whatever the store does", () => {
    const shown = new Set(cases.map(({ check }) => check));

    const all = keyStoreContract(memoryKeyStore, { openAgain: (store) => store });

    expect(all.filter((c) => !shown.has(c.name))).toEqual([]);
  });
});
