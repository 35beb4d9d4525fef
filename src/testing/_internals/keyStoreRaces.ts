import type { KeyRecord } from "../../domain/keyRecord.js";
import type { KeyStoreRule } from "../keyStoreCheckTypes.js";
import { type CheckedStore, shown } from "./keyStoreCalls.js";
import { expectWritten, okOf } from "./keyStoreExpectations.js";
import { violation } from "./keyStoreViolation.js";
import { sampleKeyRecord } from "./sampleKeyRecord.js";

// Races of writers on one key. Writer i goes through stores[i % stores.length], so the same race
// runs on one store or split across instances over one storage; `how` says which in messages.

/**
 * `writers` writers each append a tag to the description of one key with get → change → put,
 * retrying on WriteConflict; every tag must end up in the description exactly once.
 */
export async function expectNoLostUpdate(
  rule: KeyStoreRule,
  stores: readonly [CheckedStore, ...CheckedStore[]],
  writers: number,
  how: string,
): Promise<void> {
  const [first] = stores;
  const start = sampleKeyRecord(1, { shape: "Disabled", description: "" });
  const created = okOf(rule, await first.put(start, 0));
  for (const store of stores)
    await expectWritten(rule, store, start, created, "Every writer must read the key it races on:");
  const tags = Array.from({ length: writers }, (_, i) => `[writer ${i}]`);
  const versions = await Promise.all(
    tags.map((tag, i) =>
      appendWithRetry(rule, stores[i % stores.length] ?? first, start, tag, writers),
    ),
  );
  const final = okOf(rule, await first.get(start.arn));
  const description = final?.record.description ?? "";
  const missing = tags.filter((tag) => !description.includes(tag));
  const repeated = tags.filter((tag) => description.split(tag).length > 2);
  if (missing.length > 0 || repeated.length > 0)
    throw violation(
      rule,
      `Each of ${writers} writers${how} appended its tag to the description with get, then put at the version it read, retrying on WriteConflict, and every put reported success; yet ${missing.length} tags are missing and ${repeated.length} appear twice: a put that should have conflicted overwrote another writer's update.`,
      {
        missing,
        repeated,
        "final description": description,
        "versions the puts returned": versions,
      },
    );
  const expected = { ...sampleKeyRecord(1, { shape: "Disabled" }), description };
  for (const store of stores) await expectWritten(rule, store, expected, Math.max(...versions));
}

/**
 * `writers` writers put one key at the same expected version at once, to create it and then
 * to update it: each time exactly one must succeed and the others get WriteConflict.
 */
export async function expectOneWinner(
  rule: KeyStoreRule,
  stores: readonly [CheckedStore, ...CheckedStore[]],
  writers: number,
  how: string,
): Promise<void> {
  let version = 0;
  for (const round of ["create the key", "update the key"]) {
    const records = Array.from({ length: writers }, (_, i) =>
      sampleKeyRecord(1, { description: `${round}: writer ${i}` }),
    );
    const outcomes = await Promise.all(
      records.map((record, i) => (stores[i % stores.length] ?? stores[0]).put(record, version)),
    );
    const winners = outcomes.flatMap((o, i) =>
      o.result.isOk() ? [{ writer: i, version: o.result.value }] : [],
    );
    const badLosers = outcomes.filter(
      ({ result }) =>
        result.isErr() &&
        !(result.error.name === "WriteConflict" && result.error.arn === records[0]?.arn),
    );
    const winner = winners[0];
    if (winners.length !== 1 || winner === undefined || badLosers.length > 0)
      throw violation(
        rule,
        `${writers} writers${how} put the same key at expected version ${version} at once (to ${round}): exactly one must succeed and every other must get WriteConflict for that ARN, but ${winners.length} succeeded.`,
        { successes: winners, "other errors": badLosers.map(shown) },
      );
    const won = records[winner.writer] as KeyRecord;
    for (const store of stores)
      await expectWritten(
        rule,
        store,
        sampleKeyRecord(1, { description: won.description }),
        winner.version,
        "The store must hold the one successful write:",
      );
    version = winner.version;
  }
}

/** Appends `tag` to the description with get → change → put, retrying on WriteConflict. */
async function appendWithRetry(
  rule: KeyStoreRule,
  store: CheckedStore,
  key: KeyRecord,
  tag: string,
  writers: number,
): Promise<number> {
  const attempts = 10 * writers;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const stored = okOf(rule, await store.get(key.arn));
    if (stored === undefined)
      throw violation(rule, `get(${key.arn}) returned undefined while writers were updating it.`);
    const changed = { ...stored.record, description: stored.record.description + tag };
    const outcome = await store.put(changed, stored.version);
    if (outcome.result.isOk()) return outcome.result.value;
    if (outcome.result.error.name !== "WriteConflict")
      throw violation(rule, `${outcome.call} must succeed or return WriteConflict.`, {
        error: outcome.result.error,
      });
  }
  throw violation(
    rule,
    `A writer got WriteConflict ${attempts} times in a row for a put at the version get had just returned; with ${writers} writers, some put must succeed.`,
    { writer: tag },
  );
}
