import { shown } from "./keyStoreCalls.js";
import { type KeyStoreCheckGroup, keyStoreCheck } from "./keyStoreCheck.js";
import { expectErr, expectNewVersion, expectStored, okOf } from "./keyStoreExpectations.js";
import { expectEveryKeyOnceInOrder, walkPages } from "./keyStorePageWalk.js";
import {
  afterRemovalTime,
  expectListedAfterRemoval,
  expectRemoved,
  plantAndRemove,
  plantKeys,
  removalTime,
  shownKey,
} from "./keyStoreRemovalFixture.js";
import { violation } from "./keyStoreViolation.js";
import { homeScope, sampleKeyRecord } from "./sampleKeyRecord.js";

const rule = "removal";
const minute = 60_000;

/** Checks that removeDeletedKeys removes exactly the keys due, for good, and breaks no page walk. */
export const removalChecks: KeyStoreCheckGroup = (makeStore) => [
  keyStoreCheck(
    rule,
    "removeDeletedKeys(now) removes exactly the PendingDeletion keys due at or before now, in every account and Region, and returns how many it removed",
    makeStore,
    async (store) => {
      const planted = await plantKeys(store);
      const outcome = await store.removeDeletedKeys(removalTime);
      const count = okOf(rule, outcome);
      const present = new Set<string>();
      for (const { record } of planted)
        if (okOf(rule, await store.get(record.arn)) !== undefined) present.add(record.arn);
      const stayed = planted.filter(({ due, record }) => due && present.has(record.arn));
      const went = planted.filter(({ due, record }) => !due && !present.has(record.arn));
      if (stayed.length > 0 || went.length > 0)
        throw violation(
          rule,
          `${outcome.call} must remove every PendingDeletion key whose deletion date is at or before now, in every account and Region, and no other key.`,
          {
            "due keys still stored": stayed.map(shownKey),
            "keys removed that were not due": went.map(shownKey),
          },
        );
      const due = planted.filter((key) => key.due).length;
      if (count !== due)
        throw violation(rule, `${outcome.call} removed ${due} keys, so it must return ${due}.`, {
          returned: count,
        });
      await expectListedAfterRemoval(store, planted, outcome.call);
    },
  ),
  keyStoreCheck(
    rule,
    "removeDeletedKeys leaves every key that is not due, in every state, exactly as stored and at the same version",
    makeStore,
    async (store) => {
      const planted = await plantAndRemove(store);
      for (const key of planted.filter(({ due }) => !due))
        await expectStored(
          rule,
          store,
          key.record,
          key.version,
          `removeDeletedKeys must leave ${shownKey(key)} exactly as stored, at its version:`,
        );
    },
  ),
  keyStoreCheck(
    rule,
    "removeDeletedKeys called again removes nothing and returns 0, and removed keys stay removed",
    makeStore,
    async (store) => {
      const planted = await plantAndRemove(store);
      const kept = planted.find((key) => !key.due);
      for (const when of ["Called again at once", "Called again after more writes"]) {
        if (kept !== undefined && when.endsWith("writes")) {
          okOf(rule, await store.put(sampleKeyRecord(100), 0));
          okOf(rule, await store.put({ ...kept.record, description: "later" }, kept.version));
        }
        const again = await store.removeDeletedKeys(removalTime);
        if (okOf(rule, again) !== 0)
          throw violation(
            rule,
            `${when}, ${again.call} must return 0: every key due by then was removed already.`,
            { returned: shown(again) },
          );
        await expectRemoved(
          store,
          planted.filter(({ due }) => due),
          when,
        );
      }
    },
  ),
  keyStoreCheck(
    rule,
    "a page walk goes on when the key its marker names is removed between pages, listing every remaining key once, in ARN order",
    makeStore,
    async (store) => {
      // Nine keys due a minute apart in ARN order, but the seventh due first.
      const inArnOrder = [0, 1, 2, 3, 4, 5, 6, 7, 8].sort((a, b) =>
        sampleKeyRecord(a).arn < sampleKeyRecord(b).arn ? -1 : 1,
      );
      const records = inArnOrder.map((n, position) =>
        sampleKeyRecord(n, {
          shape: `PendingDeletion ${position % 2 === 0 ? "with" : "without"} material`,
          deletionDate: afterRemovalTime((position === 6 ? -1 : position) * minute),
        }),
      );
      for (const record of records) okOf(rule, await store.put(record, 0));
      // After page p, remove every key due by the last one listed: the key the marker names.
      const remove = async (page: number) => {
        okOf(rule, await store.removeDeletedKeys(afterRemovalTime((2 * page + 1) * minute)));
      };
      const listed = await walkPages(store, homeScope, 2, 8, remove, rule);
      expectEveryKeyOnceInOrder(
        "With 9 keys, limit 2, and the keys listed so far (the one each marker names among them) and one key not yet listed removed between pages",
        records.filter((_, position) => position !== 6),
        listed,
        rule,
      );
    },
  ),
  keyStoreCheck(
    rule,
    "after removal a put at the removed key's last version returns WriteConflict, and a put at version 0 creates the key anew",
    makeStore,
    async (store) => {
      const due = { shape: "PendingDeletion with material", deletionDate: removalTime } as const;
      let version = okOf(rule, await store.put(sampleKeyRecord(1, due), 0));
      version = okOf(rule, await store.put(sampleKeyRecord(1, due), version));
      okOf(rule, await store.removeDeletedKeys(removalTime));
      const fresh = () => sampleKeyRecord(1, { shape: "Disabled", description: "created anew" });
      expectErr(
        rule,
        await store.put(fresh(), version),
        { name: "WriteConflict", arn: fresh().arn },
        `The key stored at version ${version} was removed, so`,
      );
      await expectRemoved(store, [{ record: fresh(), version, due: true }], "After that put");
      const outcome = await store.put(fresh(), 0);
      const created = okOf(rule, outcome);
      expectNewVersion(rule, outcome.call, created, 0);
      const why = "A put at version 0 after removal creates the key anew, so";
      await expectStored(rule, store, fresh(), created, `${why} get must return it:`);
    },
  ),
];
