import { shown } from "./keyStoreCalls.js";
import { type KeyStoreCheckGroup, keyStoreCheck } from "./keyStoreCheck.js";
import {
  expectErr,
  expectNewVersion,
  expectUnchanged,
  expectWritten,
  okOf,
} from "./keyStoreExpectations.js";
import { violation } from "./keyStoreViolation.js";
import { homeScope, sampleKeyRecord } from "./sampleKeyRecord.js";

const rule = "compare-and-set";
const enabled = "Enabled with expiring material";

/** Checks that every put is a compare-and-set on the version the writer read. */
export const compareAndSetChecks: KeyStoreCheckGroup = (makeStore) => [
  keyStoreCheck(
    rule,
    "put with expectedVersion 0 for a key that exists returns WriteConflict and changes nothing",
    makeStore,
    async (store) => {
      const original = sampleKeyRecord(1, { shape: enabled });
      const version = okOf(rule, await store.put(original, 0));
      const before = structuredClone(await expectWritten(rule, store, original, version));
      const second = sampleKeyRecord(1, { description: "a second creator" });
      expectErr(
        rule,
        await store.put(second, 0),
        { name: "WriteConflict", arn: original.arn },
        `The key exists at version ${version}, so`,
      );
      await expectUnchanged(rule, store, before, "A conflicting put must change nothing:");
    },
  ),
  keyStoreCheck(
    rule,
    "put with a stale or unknown expectedVersion returns WriteConflict and changes nothing",
    makeStore,
    async (store) => {
      const first = okOf(rule, await store.put(sampleKeyRecord(1), 0));
      const current = sampleKeyRecord(1, { shape: enabled, description: "current" });
      const version = okOf(rule, await store.put(current, first));
      const before = structuredClone(await expectWritten(rule, store, current, version));
      const lost = sampleKeyRecord(1, { description: "lost update" });
      for (const stale of [first, version + 1, version + 1000]) {
        expectErr(
          rule,
          await store.put(lost, stale),
          { name: "WriteConflict", arn: lost.arn },
          `The key is stored at version ${version}, so`,
        );
        await expectUnchanged(rule, store, before, "A conflicting put must change nothing:");
      }
    },
  ),
  keyStoreCheck(
    rule,
    "put with a non-zero expectedVersion for a key that is not stored returns WriteConflict and stores nothing",
    makeStore,
    async (store) => {
      const record = sampleKeyRecord(1);
      expectErr(
        rule,
        await store.put(record, 1),
        { name: "WriteConflict", arn: record.arn },
        "No version of the key is stored, so",
      );
      const got = await store.get(record.arn);
      const listed = await store.list(homeScope, { limit: 10 });
      if (okOf(rule, got) !== undefined || okOf(rule, listed).records.length > 0)
        throw violation(rule, "A conflicting put must store nothing, but the key is there.", {
          [got.call]: shown(got),
          [listed.call]: shown(listed),
        });
    },
  ),
  keyStoreCheck(
    rule,
    "each successful put returns a higher version than the one it replaced, and get reports that version",
    makeStore,
    async (store) => {
      let version = 0;
      for (const step of [1, 2, 3, 4, 5]) {
        const record = sampleKeyRecord(1, { description: `write ${step}` });
        const outcome = await store.put(record, version);
        const next = okOf(rule, outcome);
        expectNewVersion(rule, outcome.call, next, version);
        version = next;
        await expectWritten(rule, store, record, version);
      }
    },
  ),
];
