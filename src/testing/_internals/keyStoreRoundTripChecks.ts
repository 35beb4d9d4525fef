import { shown } from "./keyStoreCalls.js";
import { type KeyStoreCheckGroup, keyStoreCheck } from "./keyStoreCheck.js";
import { expectNewVersion, expectSameRecord, expectStored, okOf } from "./keyStoreExpectations.js";
import { violation } from "./keyStoreViolation.js";
import { homeScope, sampleKeyRecord, sampleShapes } from "./sampleKeyRecord.js";

const rule = "round trip";

/** Checks that what put stores comes back from get and list unchanged. */
export const roundTripChecks: KeyStoreCheckGroup = (makeStore) => [
  keyStoreCheck(
    rule,
    "get returns an equal record, with Dates as Dates and bytes as Uint8Arrays, for a key in every state",
    makeStore,
    async (store) => {
      for (const [i, shape] of sampleShapes.entries()) {
        const outcome = await store.put(sampleKeyRecord(i, { shape }), 0);
        const version = okOf(rule, outcome);
        expectNewVersion(rule, outcome.call, version, 0);
        await expectStored(rule, store, sampleKeyRecord(i, { shape }), version);
      }
    },
  ),
  keyStoreCheck(
    rule,
    "put replaces the whole stored record, so a member the new record lacks is gone",
    makeStore,
    async (store) => {
      // Each key moves through every shape: material, validTo and boundMaterialId come and go.
      for (const [i] of sampleShapes.entries()) {
        let version = 0;
        for (const [step] of sampleShapes.entries()) {
          const shape = sampleShapes[(i + step) % sampleShapes.length] ?? "PendingImport";
          const description = `sample key ${i}, rewrite ${step}`;
          const outcome = await store.put(sampleKeyRecord(i, { shape, description }), version);
          const next = okOf(rule, outcome);
          expectNewVersion(rule, outcome.call, next, version);
          version = next;
          await expectStored(rule, store, sampleKeyRecord(i, { shape, description }), version);
        }
      }
    },
  ),
  keyStoreCheck(
    rule,
    "get returns undefined for an ARN that was never stored",
    makeStore,
    async (store) => {
      const never = sampleKeyRecord(2);
      const onEmpty = await store.get(never.arn);
      if (okOf(rule, onEmpty) !== undefined)
        throw violation(rule, `${onEmpty.call} on an empty store must return ok(undefined).`, {
          returned: shown(onEmpty),
        });
      okOf(rule, await store.put(sampleKeyRecord(1), 0));
      const beside = await store.get(never.arn);
      if (okOf(rule, beside) !== undefined)
        throw violation(
          rule,
          `${beside.call} must return ok(undefined): only another key is stored.`,
          {
            returned: shown(beside),
          },
        );
    },
  ),
  keyStoreCheck(
    rule,
    "list returns records equal to the ones put stored, with Dates as Dates and bytes as Uint8Arrays",
    makeStore,
    async (store) => {
      for (const [i, shape] of sampleShapes.entries())
        okOf(rule, await store.put(sampleKeyRecord(i, { shape }), 0));
      const expected = sampleShapes
        .map((shape, i) => sampleKeyRecord(i, { shape }))
        .sort((a, b) => (a.arn < b.arn ? -1 : 1));
      const outcome = await store.list(homeScope, { limit: 1000 });
      const { records } = okOf(rule, outcome);
      if (records.length !== expected.length)
        throw violation(rule, `${outcome.call} must return the ${expected.length} keys stored.`, {
          expected: expected.map((r) => r.arn),
          returned: records.map((r) => r.arn),
        });
      for (const record of expected) {
        const listed = records.find((r) => r.arn === record.arn);
        expectSameRecord(rule, `${outcome.call} returned ${record.arn}`, record, listed);
      }
    },
  ),
];
