import type { KeyRecord } from "../../domain/keyRecord.js";
import { type CheckedStore, shown } from "./keyStoreCalls.js";
import { type KeyStoreCheckGroup, keyStoreCheck } from "./keyStoreCheck.js";
import { expectWritten, okOf } from "./keyStoreExpectations.js";
import { violation } from "./keyStoreViolation.js";
import { sampleKeyRecord } from "./sampleKeyRecord.js";

const rule = "concurrent writers";

/** Checks that compare-and-set holds when writers race: no write is lost, one writer wins. */
export const concurrencyChecks: KeyStoreCheckGroup = (makeStore, { writers }) => [
  keyStoreCheck(
    rule,
    `${writers} concurrent writers that read, change and put with the version they read lose no update`,
    makeStore,
    async (store) => {
      const start = sampleKeyRecord(1, { shape: "Disabled", description: "" });
      okOf(rule, await store.put(start, 0));
      const tags = Array.from({ length: writers }, (_, i) => `[writer ${i}]`);
      const versions = await Promise.all(
        tags.map((tag) => appendWithRetry(store, start, tag, writers)),
      );
      const final = okOf(rule, await store.get(start.arn));
      const description = final?.record.description ?? "";
      const missing = tags.filter((tag) => !description.includes(tag));
      const repeated = tags.filter((tag) => description.split(tag).length > 2);
      if (missing.length > 0 || repeated.length > 0)
        throw violation(
          rule,
          `Each of ${writers} writers appended its tag to the description with get, then put at the version it read, retrying on WriteConflict, and every put reported success; yet ${missing.length} tags are missing and ${repeated.length} appear twice: a put that should have conflicted overwrote another writer's update.`,
          {
            missing,
            repeated,
            "final description": description,
            "versions the puts returned": versions,
          },
        );
      await expectWritten(
        rule,
        store,
        { ...sampleKeyRecord(1, { shape: "Disabled" }), description },
        Math.max(...versions),
      );
    },
  ),
  keyStoreCheck(
    rule,
    `of ${writers} concurrent puts at the same expected version exactly one succeeds`,
    makeStore,
    async (store) => {
      let version = 0;
      for (const round of ["create the key", "update the key"]) {
        const records = Array.from({ length: writers }, (_, i) =>
          sampleKeyRecord(1, { description: `${round}: writer ${i}` }),
        );
        const outcomes = await Promise.all(records.map((record) => store.put(record, version)));
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
            `${writers} writers put the same key at expected version ${version} at once (to ${round}): exactly one must succeed and every other must get WriteConflict for that ARN, but ${winners.length} succeeded.`,
            { successes: winners, "other errors": badLosers.map(shown) },
          );
        const won = records[winner.writer] as KeyRecord;
        await expectWritten(
          rule,
          store,
          sampleKeyRecord(1, { description: won.description }),
          winner.version,
          "The store must hold the one successful write:",
        );
        version = winner.version;
      }
    },
  ),
];

/** Appends `tag` to the description with get → change → put, retrying on WriteConflict. */
async function appendWithRetry(
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
