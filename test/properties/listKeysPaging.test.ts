import { addDays } from "date-fns";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { memoryKeyStore } from "../../src/adapters/memoryKeyStore.js";
import { createKms } from "../../src/service/createKms.js";
import { testCrypto } from "../../src/testing/testCrypto.js";
import { kmsHarness } from "../support/kmsHarness.js";

/** An IdGenerator that hands out `ids` in order. */
function idsFrom(ids: readonly string[]) {
  let next = 0;
  return {
    next: () => {
      const id = ids[next++];
      if (id === undefined) throw new Error("the test asked for more IDs than it generated");
      return id;
    },
  };
}

const keyIds = (maxLength: number) =>
  fc.uniqueArray(
    fc.uuid().map((id) => id.toLowerCase()),
    { maxLength },
  );

describe("ListKeys paging", () => {
  it("ListKeys pages partition the keys", async () => {
    await fc.assert(
      fc.asyncProperty(
        keyIds(14),
        keyIds(4),
        fc.array(fc.record({ key: fc.nat(), days: fc.integer({ min: 7, max: 30 }) }), {
          maxLength: 6,
        }),
        fc.integer({ min: 0, max: 24 * 35 }),
        fc.option(fc.integer({ min: 1, max: 15 }), { nil: undefined }),
        async (ids, foreignIds, deletions, hours, Limit) => {
          const store = memoryKeyStore();
          const h = kmsHarness({ store, ids: idsFrom(ids) });
          // Another Region's KMS on the same store: its keys are not in this Region's listing.
          const foreign = createKms({
            region: "eu-west-1",
            store,
            clock: h.clock,
            crypto: testCrypto(),
            ids: idsFrom(foreignIds),
          });
          const arns: string[] = [];
          for (const _ of ids) {
            arns.push(
              (await h.kms.createKey({ Origin: "EXTERNAL" }))._unsafeUnwrap().KeyMetadata.Arn,
            );
          }
          for (const _ of foreignIds) (await foreign.createKey())._unsafeUnwrap();

          const deletionDates = new Map<string, Date>();
          for (const { key, days } of deletions) {
            const arn = arns[key % Math.max(arns.length, 1)];
            if (arn === undefined || deletionDates.has(arn)) continue;
            (
              await h.kms.scheduleKeyDeletion({ KeyId: arn, PendingWindowInDays: days })
            )._unsafeUnwrap();
            deletionDates.set(arn, addDays(h.clock.now(), days));
          }
          const now = h.clock.advance({ hours });
          const live = arns.filter((arn) => {
            const deletionDate = deletionDates.get(arn);
            return deletionDate === undefined || deletionDate > now;
          });

          const listed: string[] = [];
          let Marker: string | undefined;
          let pages = 0;
          for (;;) {
            pages++;
            expect(pages, "the listing ends").toBeLessThanOrEqual(arns.length + 2);
            const page = (
              await h.kms.listKeys({
                ...(Limit === undefined ? {} : { Limit }),
                ...(Marker === undefined ? {} : { Marker }),
              })
            )._unsafeUnwrap();
            expect(page.Keys.length).toBeLessThanOrEqual(Limit ?? 100);
            for (const key of page.Keys) {
              expect(key.KeyArn.endsWith(`:key/${key.KeyId}`)).toBe(true);
              listed.push(key.KeyArn);
            }
            if (!page.Truncated) {
              expect(page.NextMarker).toBeUndefined();
              break;
            }
            expect(page.NextMarker).toBeTypeOf("string");
            Marker = page.NextMarker;
          }

          // Every live key exactly once, and nothing else.
          expect([...listed].sort()).toEqual([...live].sort());
        },
      ),
      { numRuns: 60 },
    );
  });
});
