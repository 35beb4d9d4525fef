import type { KeyRecord } from "../../domain/keyRecord.js";
import type { StoredKey } from "../../ports/keyStore.js";
import type { CheckedStore } from "./keyStoreCalls.js";
import { type KeyStoreCheckGroup, keyStoreCheck } from "./keyStoreCheck.js";
import { expectUnchanged, expectWritten, okOf } from "./keyStoreExpectations.js";
import { recordDifference } from "./keyStoreRecordDifference.js";
import { scribble } from "./keyStoreScribble.js";
import { violation } from "./keyStoreViolation.js";
import { homeScope, type SampleShape, sampleKeyRecord } from "./sampleKeyRecord.js";

const rule = "no aliasing";
/** Shapes with every kind of nested member: Dates, bytes, material, parameter sets. */
const shapes: readonly SampleShape[] = [
  "Enabled with expiring material",
  "PendingDeletion with material",
];
const samples = (): KeyRecord[] => shapes.map((shape, n) => sampleKeyRecord(n, { shape }));

/** What get and list return before anything is scribbled on, copied. */
interface Baseline {
  readonly got: readonly StoredKey[];
  readonly listed: readonly KeyRecord[];
}

/** Puts `records` and copies what the store then returns for them. */
async function putAndCopy(store: CheckedStore, records: readonly KeyRecord[]): Promise<Baseline> {
  const got: StoredKey[] = [];
  for (const record of records) {
    const version = okOf(rule, await store.put(record, 0));
    got.push(structuredClone(await expectWritten(rule, store, record, version)));
  }
  const listed = okOf(rule, await store.list(homeScope, { limit: 100 })).records;
  return { got, listed: structuredClone(listed) };
}

/** Requires get and list to return what they returned before `what` happened. */
async function expectUntouched(store: CheckedStore, before: Baseline, what: string): Promise<void> {
  for (const stored of before.got)
    await expectUnchanged(
      rule,
      store,
      stored,
      `After ${what}, get must return what it did before:`,
    );
  const outcome = await store.list(homeScope, { limit: 100 });
  const { records } = okOf(rule, outcome);
  const difference = recordDifference(before.listed, records, "records");
  if (difference !== undefined)
    throw violation(
      rule,
      `After ${what}, ${outcome.call} must return what it did before: ${difference}.`,
      { before: before.listed, after: records },
    );
}

/** Checks that records handed to or returned by a store are not shared with its state. */
export const aliasingChecks: KeyStoreCheckGroup = (makeStore) => [
  keyStoreCheck(
    rule,
    "changing a record after put does not change what the store returns",
    makeStore,
    async (store) => {
      const given = samples();
      const before = await putAndCopy(store, given);
      for (const record of given) scribble(record);
      await expectUntouched(
        store,
        before,
        "the caller changed the records it had put (strings, Dates, bytes, arrays)",
      );
    },
  ),
  keyStoreCheck(
    rule,
    "changing what get returned does not change what the store returns next",
    makeStore,
    async (store) => {
      const before = await putAndCopy(store, samples());
      for (const record of samples()) scribble(okOf(rule, await store.get(record.arn)));
      await expectUntouched(
        store,
        before,
        "the caller changed what get returned (record, version, Dates, bytes, arrays)",
      );
    },
  ),
  keyStoreCheck(
    rule,
    "changing a page that list returned does not change what the store returns next",
    makeStore,
    async (store) => {
      const before = await putAndCopy(store, samples());
      scribble(okOf(rule, await store.list(homeScope, { limit: 100 })));
      await expectUntouched(
        store,
        before,
        "the caller changed the page list returned (records, Dates, bytes, arrays)",
      );
    },
  ),
];
