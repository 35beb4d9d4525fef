import { type AliasRecord, aliasArn } from "../../domain/aliasRecord.js";
import type { KeyRecord } from "../../domain/keyRecord.js";
import type { StoredAlias, StoredKey } from "../../ports/keyStore.js";
import { expectAliasStored, expectNoAlias } from "./keyStoreAliasExpectations.js";
import { expectEveryAliasOnceInOrder, walkAliasPages } from "./keyStoreAliasPageWalk.js";
import { type CheckedStore, shown } from "./keyStoreCalls.js";
import { type KeyStoreCheckGroup, reopeningCheck } from "./keyStoreCheck.js";
import { expectErr, expectSameRecord, expectStored, okOf } from "./keyStoreExpectations.js";
import { expectEveryKeyOnceInOrder, walkPages } from "./keyStorePageWalk.js";
import { violation } from "./keyStoreViolation.js";
import { sampleAliasRecord } from "./sampleAliasRecord.js";
import { homeScope, otherRegionScope, sampleKeyRecord, sampleShapes } from "./sampleKeyRecord.js";

const rule = "durability";
const reread = "An instance opened anew over the same storage must read what the first wrote:";

/**
 * Writes two keys of every sample shape, each once, twice or three times, and a key it then
 * removes; returns what is stored and the removed key.
 */
async function writeKeys(store: CheckedStore): Promise<[StoredKey[], KeyRecord]> {
  const written: StoredKey[] = [];
  for (const [n, shape] of [...sampleShapes, ...sampleShapes].entries()) {
    const write = (step: number) => sampleKeyRecord(n, { shape, description: `write ${step}` });
    let version = 0;
    for (let step = 0; step <= n % 3; step++)
      version = okOf(rule, await store.put(write(step), version));
    written.push({ record: write(n % 3), version });
  }
  const deletionDate = new Date("2026-01-01T00:00:00.000Z");
  const removed = sampleKeyRecord(99, { shape: "PendingDeletion with material", deletionDate });
  okOf(rule, await store.put(removed, 0));
  okOf(rule, await store.removeDeletedKeys(new Date("2026-02-01T00:00:00.000Z")));
  return [written, removed];
}

/** What {@link writeAliases} leaves: the aliases stored, and those deleted or removed. */
interface WrittenAliases {
  readonly kept: readonly StoredAlias[];
  readonly gone: readonly AliasRecord[];
}

/**
 * Writes aliases of two scopes, each once, twice or three times, to a key it keeps and to one
 * it then removes, and deletes one alias; returns what is stored and what is gone.
 */
async function writeAliases(store: CheckedStore): Promise<WrittenAliases> {
  const deletionDate = new Date("2026-01-01T00:00:00.000Z");
  const kept: StoredAlias[] = [];
  const gone: AliasRecord[] = [];
  for (const scope of [homeScope, otherRegionScope]) {
    okOf(rule, await store.put(sampleKeyRecord(1, { scope, shape: "Disabled" }), 0));
    const due = { scope, shape: "PendingDeletion without material", deletionDate } as const;
    okOf(rule, await store.put(sampleKeyRecord(2, due), 0));
    for (let n = 0; n < 8; n++) {
      const write = (step: number) =>
        sampleAliasRecord(n, { scope, target: n < 6 ? 1 : 2, update: step });
      let version = 0;
      for (let step = 0; step <= n % 3; step++)
        version = okOf(rule, await store.putAlias(write(step), version));
      if (n === 4) {
        okOf(rule, await store.deleteAlias(scope, write(0).aliasName, version));
        gone.push(write(n % 3));
      } else if (n < 6) kept.push({ alias: write(n % 3), version });
      else gone.push(write(n % 3));
    }
  }
  okOf(rule, await store.removeDeletedKeys(new Date("2026-02-01T00:00:00.000Z")));
  return { kept, gone };
}

/**
 * Checks that a store keeps what it wrote for an instance opened anew over the same storage, and
 * that compare-and-set holds across instances. Without `openAgain` there are none.
 */
export const durabilityChecks: KeyStoreCheckGroup = (makeStore, { openAgain }) =>
  openAgain === undefined
    ? []
    : [
        reopeningCheck(
          rule,
          "an instance opened anew over the same storage reads back, through get and a full page walk, every key the first wrote, exactly and at the same version, and not the key it removed",
          makeStore,
          openAgain,
          async (first, open) => {
            const [written, removed] = await writeKeys(first);
            const second = await open();
            for (const { record, version } of written)
              await expectStored(rule, second, record, version, reread);
            const gone = await second.get(removed.arn);
            if (okOf(rule, gone) !== undefined)
              throw violation(
                rule,
                `${reread} ${gone.call} must return undefined: it was removed.`,
                {
                  returned: shown(gone),
                },
              );
            const records = written.map(({ record }) => record);
            const listed = await walkPages(second, homeScope, 4, records.length, undefined, rule);
            expectEveryKeyOnceInOrder(`${reread} listing`, records, listed, rule);
            for (const record of records)
              expectSameRecord(
                rule,
                `${reread} a page walk returned ${record.arn}`,
                record,
                listed.find(({ arn }) => arn === record.arn),
              );
          },
        ),
        reopeningCheck(
          rule,
          "an instance opened anew over the same storage reads back, through getAlias and a full page walk, every alias the first wrote, exactly and at the same version, and not the aliases it deleted or removed with their key; compare-and-set of aliases holds across instances",
          makeStore,
          openAgain,
          async (first, open) => {
            const { kept, gone } = await writeAliases(first);
            const second = await open();
            for (const { alias, version } of kept)
              await expectAliasStored(rule, second, alias, version, reread);
            for (const alias of gone)
              await expectNoAlias(
                rule,
                second,
                alias,
                `${reread} ${aliasArn(alias, alias.aliasName)} was deleted or removed with its key, so`,
              );
            for (const scope of [homeScope, otherRegionScope]) {
              const aliases = kept
                .map(({ alias }) => alias)
                .filter((alias) => alias.region === scope.region);
              const listed = await walkAliasPages(second, {
                scope,
                limit: 2,
                now: new Date("2026-02-01T00:00:00.000Z"),
                expectedCount: aliases.length,
              });
              expectEveryAliasOnceInOrder(`${reread} listing`, aliases, listed);
            }
            const [{ alias, version } = { alias: sampleAliasRecord(0), version: 1 }] = kept;
            const moved = { ...alias, targetKeyId: sampleKeyRecord(3).keyId };
            expectErr(
              rule,
              await second.putAlias(moved, version + 1),
              { name: "WriteConflict", arn: aliasArn(alias, alias.aliasName) },
              `The alias is stored at version ${version}, so through the new instance`,
            );
            const next = okOf(rule, await second.putAlias(moved, version));
            await expectAliasStored(
              rule,
              first,
              moved,
              next,
              "After a putAlias through the new instance, getAlias through the first must return it:",
            );
          },
        ),
        reopeningCheck(
          rule,
          "compare-and-set holds across instances: a put at a stale version through either instance returns WriteConflict, and one at the current version succeeds and both read it",
          makeStore,
          openAgain,
          async (first, open) => {
            const write = (by: string) =>
              sampleKeyRecord(1, { shape: "Disabled", description: by });
            const one = okOf(rule, await first.put(write("first, create"), 0));
            const two = okOf(rule, await first.put(write("first, update"), one));
            const second = await open();
            await expectStored(rule, second, write("first, update"), two, reread);
            const steps: [CheckedStore, CheckedStore, string, string][] = [
              [second, first, "the new instance", "the first instance"],
              [first, second, "the first instance", "the new instance"],
            ];
            let [stale, current] = [one, two];
            for (const [writer, reader, through, other] of steps) {
              expectErr(
                rule,
                await writer.put(write(`${through}, stale`), stale),
                { name: "WriteConflict", arn: write("").arn },
                `The key is stored at version ${current}, so through ${through}`,
              );
              const next = okOf(rule, await writer.put(write(through), current));
              const why = `After a put through ${through}, get through ${other} must return it:`;
              await expectStored(rule, reader, write(through), next, why);
              [stale, current] = [current, next];
            }
          },
        ),
      ];
