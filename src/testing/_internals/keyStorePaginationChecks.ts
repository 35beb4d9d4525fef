import type { KeyRecord } from "../../domain/keyRecord.js";
import { type KeyStoreCheckGroup, keyStoreCheck } from "./keyStoreCheck.js";
import { expectErr, okOf } from "./keyStoreExpectations.js";
import { expectEveryKeyOnceInOrder, walkPages } from "./keyStorePageWalk.js";
import {
  homeScope,
  otherAccountScope,
  otherRegionScope,
  sampleKeyRecord,
} from "./sampleKeyRecord.js";

const rule = "pagination";

/** Markers no store hands out. */
const forgedMarkers = ["not a marker!", "", "%00", "0".repeat(2048)];

/** The key counts to walk for a limit: empty, one key, a full page, one more, two and a half pages. */
function countsFor(limit: number): number[] {
  return [0, 1, limit, limit + 1, Math.ceil(limit * 2.5)];
}

/** Checks that following `nextMarker` lists a scope completely, once, in order. */
export const paginationChecks: KeyStoreCheckGroup = (makeStore, { pageLimits }) => [
  keyStoreCheck(
    rule,
    `following nextMarker lists every key of the scope exactly once, in ARN order, in pages of at most the limit (limits ${pageLimits.join(", ")})`,
    makeStore,
    async (store) => {
      // Neighbours in other scopes, whose ARNs sort among ours if the scope is ignored.
      for (const n of [5, 50, 500])
        for (const scope of [otherAccountScope, otherRegionScope])
          okOf(rule, await store.put(sampleKeyRecord(n, { scope }), 0));
      // One store grows from 0 keys; each (limit, count) walk runs once the store holds count keys.
      const walks = pageLimits
        .flatMap((limit) => countsFor(limit).map((count) => ({ limit, count })))
        .sort((a, b) => a.count - b.count);
      const stored: KeyRecord[] = [];
      for (const { limit, count } of walks) {
        while (stored.length < count) {
          const record = sampleKeyRecord(stored.length);
          okOf(rule, await store.put(record, 0));
          stored.push(record);
        }
        const listed = await walkPages(store, homeScope, limit, count);
        expectEveryKeyOnceInOrder(`With ${count} keys stored and limit ${limit}`, stored, listed);
      }
    },
  ),
  keyStoreCheck(
    rule,
    "following nextMarker lists every key exactly once even when keys are rewritten between pages",
    makeStore,
    async (store) => {
      const versions: number[] = [];
      const stored = Array.from({ length: 9 }, (_, n) => sampleKeyRecord(n));
      for (const record of stored) versions.push(okOf(rule, await store.put(record, 0)));
      const rewrite = async (n: number) => {
        const record = sampleKeyRecord(n, { shape: "Disabled", description: "rewritten" });
        versions[n] = okOf(rule, await store.put(record, versions[n] ?? 0));
      };
      // After each page, rewrite the key just listed and one not listed yet.
      const listed = await walkPages(store, homeScope, 2, stored.length, async (page) => {
        const arnOrder = stored.map((r) => r.arn).sort();
        for (const arn of [arnOrder[2 * page + 1], arnOrder[2 * page + 3]])
          if (arn !== undefined) await rewrite(stored.findIndex((r) => r.arn === arn));
      });
      expectEveryKeyOnceInOrder(
        "With 9 keys, limit 2 and keys rewritten between pages",
        stored,
        listed,
      );
    },
  ),
  keyStoreCheck(
    rule,
    "list returns InvalidMarkerException for a marker it never handed out",
    makeStore,
    async (store) => {
      for (const n of [1, 2, 3]) okOf(rule, await store.put(sampleKeyRecord(n), 0));
      for (const marker of forgedMarkers)
        expectErr(
          rule,
          await store.list(homeScope, { limit: 2, marker }),
          { name: "InvalidMarkerException" },
          "The store never handed out this marker, so",
        );
    },
  ),
];
