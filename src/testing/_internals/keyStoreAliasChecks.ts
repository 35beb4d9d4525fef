import { type AliasName, type AliasRecord, aliasArn } from "../../domain/aliasRecord.js";
import type { KeyScope } from "../../domain/keyArn.js";
import type { StoredAlias } from "../../ports/keyStore.js";
import {
  expectAliasStored,
  expectAliasUnchanged,
  expectNoAlias,
} from "./keyStoreAliasExpectations.js";
import {
  expectEveryAliasOnceInOrder,
  shownAlias,
  walkAliasPages,
} from "./keyStoreAliasPageWalk.js";
import { type CheckedStore, shown } from "./keyStoreCalls.js";
import { type KeyStoreCheckGroup, keyStoreCheck } from "./keyStoreCheck.js";
import { expectErr, expectNewVersion, okOf } from "./keyStoreExpectations.js";
import { recordDifference } from "./keyStoreRecordDifference.js";
import { scribble } from "./keyStoreScribble.js";
import { violation } from "./keyStoreViolation.js";
import { sampleAliasName, sampleAliasRecord } from "./sampleAliasRecord.js";
import {
  homeScope,
  otherAccountScope,
  otherPartitionScope,
  otherRegionScope,
  sampleKeyId,
  sampleKeyRecord,
} from "./sampleKeyRecord.js";

const rule = "aliases";
const minute = 60_000;
const day = 86_400_000;
/** The `now` the checks list aliases at, unless they test `now` itself. */
const now = new Date("2026-04-30T08:00:00.500Z");
/** A fresh Date `ms` milliseconds after {@link now} (before it, when negative). */
const at = (ms: number) => new Date(now.getTime() + ms);
const scopes = [homeScope, otherAccountScope, otherRegionScope, otherPartitionScope];
/** Markers no store hands out. */
const forgedMarkers = ["not a marker!", "", "%00", "0".repeat(2048)];

/** `alias/` and the rest of `name` in upper case: a name that differs only in case. */
const upperCased = (name: AliasName) =>
  `alias/${name.slice("alias/".length).toUpperCase()}` as AliasName;

/** Puts `aliases` at version 0 and returns them with the versions putAlias returned. */
async function putAll(
  store: CheckedStore,
  aliases: readonly AliasRecord[],
): Promise<StoredAlias[]> {
  const stored: StoredAlias[] = [];
  for (const alias of aliases) {
    const outcome = await store.putAlias(alias, 0);
    const version = okOf(rule, outcome);
    expectNewVersion(rule, outcome.call, version, 0);
    stored.push({ alias, version });
  }
  return stored;
}

/** Puts sample key `n` of `scope` in `shape`, due at `deletionDate` when PendingDeletion. */
async function putKey(
  store: CheckedStore,
  n: number,
  scope: KeyScope,
  shape: "Disabled" | "PendingDeletion without material",
  deletionDate?: Date,
): Promise<void> {
  const options = deletionDate === undefined ? { scope, shape } : { scope, shape, deletionDate };
  okOf(rule, await store.put(sampleKeyRecord(n, options), 0));
}

/** Requires listAliases to return, for each alias listed, exactly the alias stored. */
function expectSameAliases(
  call: string,
  expected: readonly AliasRecord[],
  listed: readonly AliasRecord[],
): void {
  for (const alias of expected) {
    const returned = listed.find((a) => shownAlias(a) === shownAlias(alias));
    const difference = recordDifference(alias, returned, "alias");
    if (difference !== undefined)
      throw violation(rule, `${call} returned ${shownAlias(alias)}: ${difference}.`, {
        expected: alias,
        returned,
      });
  }
}

/** Checks that the aliases of the KeyStore port keep the rules keys keep, and die with their key. */
export const aliasChecks: KeyStoreCheckGroup = (makeStore, { writers, pageLimits }) => [
  keyStoreCheck(
    rule,
    "getAlias and listAliases return the alias putAlias stored, with Dates as Dates; putAlias replaces the whole alias; getAlias returns undefined for a name never stored",
    makeStore,
    async (store) => {
      const never = sampleAliasRecord(0, { name: "alias/never-stored" });
      await expectNoAlias(rule, store, never, "On an empty store,");
      await putKey(store, 1, homeScope, "Disabled");
      await putKey(store, 2, homeScope, "Disabled");
      const aliases = [0, 1, 2, 3, 4, 5].map((n) => sampleAliasRecord(n, { target: 1 + (n % 2) }));
      const stored = await putAll(store, aliases);
      for (const { alias, version } of stored) await expectAliasStored(rule, store, alias, version);
      await expectNoAlias(rule, store, never, "Only other aliases are stored, so");
      const outcome = await store.listAliases(homeScope, { limit: 100 }, now);
      const listed = okOf(rule, outcome).aliases;
      expectEveryAliasOnceInOrder(`${outcome.call}`, aliases, listed);
      expectSameAliases(outcome.call, aliases, listed);
      const first = stored[0] as StoredAlias;
      const moved = {
        ...sampleAliasRecord(0, { target: 2, update: day }),
        creationDate: at(-day),
      };
      const rewrite = await store.putAlias(moved, first.version);
      const version = okOf(rule, rewrite);
      expectNewVersion(rule, rewrite.call, version, first.version);
      await expectAliasStored(rule, store, moved, version);
      const again = await store.listAliases(homeScope, { limit: 100 }, now);
      expectSameAliases(again.call, [moved], okOf(rule, again).aliases);
    },
  ),
  keyStoreCheck(
    rule,
    "putAlias at version 0 for a name that exists, or at a stale or unknown version, returns WriteConflict with the alias ARN and changes nothing",
    makeStore,
    async (store) => {
      const alias = (update = 0) => sampleAliasRecord(1, { target: 1 + update, update });
      const arn = aliasArn(homeScope, alias().aliasName);
      const first = okOf(rule, await store.putAlias(alias(), 0));
      expectErr(
        rule,
        await store.putAlias(alias(1), 0),
        { name: "WriteConflict", arn },
        `The alias exists at version ${first}, so`,
      );
      await expectAliasStored(
        rule,
        store,
        alias(),
        first,
        "A conflicting putAlias changes nothing:",
      );
      const current = okOf(rule, await store.putAlias(alias(2), first));
      const before = await expectAliasStored(rule, store, alias(2), current);
      for (const stale of [first, current + 1, current + 1000]) {
        expectErr(
          rule,
          await store.putAlias(alias(3), stale),
          { name: "WriteConflict", arn },
          `The alias is stored at version ${current}, so`,
        );
        await expectAliasUnchanged(rule, store, before, "A conflicting putAlias changes nothing:");
      }
      const absent = sampleAliasRecord(2);
      expectErr(
        rule,
        await store.putAlias(absent, 1),
        { name: "WriteConflict", arn: aliasArn(homeScope, absent.aliasName) },
        "No version of the alias is stored, so",
      );
      await expectNoAlias(rule, store, absent, "A conflicting putAlias stores nothing, so");
    },
  ),
  keyStoreCheck(
    rule,
    "deleteAlias at a stale version, or of an alias not stored, returns WriteConflict and changes nothing; at the stored version it removes the alias, which only a putAlias at version 0 creates anew",
    makeStore,
    async (store) => {
      const alias = sampleAliasRecord(1);
      const arn = aliasArn(homeScope, alias.aliasName);
      const first = okOf(rule, await store.putAlias(alias, 0));
      const current = okOf(rule, await store.putAlias(alias, first));
      const before = await expectAliasStored(rule, store, alias, current);
      for (const stale of [first, 0, current + 1]) {
        expectErr(
          rule,
          await store.deleteAlias(homeScope, alias.aliasName, stale),
          { name: "WriteConflict", arn },
          `The alias is stored at version ${current}, so`,
        );
        await expectAliasUnchanged(
          rule,
          store,
          before,
          "A conflicting deleteAlias changes nothing:",
        );
      }
      const absent = sampleAliasName(2);
      for (const version of [0, 1])
        expectErr(
          rule,
          await store.deleteAlias(homeScope, absent, version),
          { name: "WriteConflict", arn: aliasArn(homeScope, absent) },
          "No alias of that name is stored, so",
        );
      okOf(rule, await store.deleteAlias(homeScope, alias.aliasName, current));
      await expectNoAlias(rule, store, alias, "The alias was deleted, so");
      const listed = await store.listAliases(homeScope, { limit: 10 }, now);
      if (okOf(rule, listed).aliases.length > 0)
        throw violation(rule, `The only alias was deleted, so ${listed.call} must list none.`, {
          returned: shown(listed),
        });
      expectErr(
        rule,
        await store.deleteAlias(homeScope, alias.aliasName, current),
        { name: "WriteConflict", arn },
        "The alias was deleted already, so",
      );
      expectErr(
        rule,
        await store.putAlias(alias, current),
        { name: "WriteConflict", arn },
        `The alias stored at version ${current} was deleted, so`,
      );
      await expectNoAlias(rule, store, alias, "After a conflicting putAlias,");
      const outcome = await store.putAlias(alias, 0);
      const created = okOf(rule, outcome);
      expectNewVersion(rule, outcome.call, created, 0);
      await expectAliasStored(rule, store, alias, created);
    },
  ),
  keyStoreCheck(
    rule,
    `of ${writers} concurrent putAlias calls for one name at the same expected version exactly one succeeds, to create the alias and to update it`,
    makeStore,
    async (store) => {
      let version = 0;
      for (const round of ["create the alias", "update the alias"]) {
        const aliases = Array.from({ length: writers }, (_, i) =>
          sampleAliasRecord(1, { target: i, update: i * minute }),
        );
        const arn = aliasArn(homeScope, sampleAliasName(1));
        const outcomes = await Promise.all(aliases.map((alias) => store.putAlias(alias, version)));
        const winners = outcomes.flatMap((o, i) =>
          o.result.isOk() ? [{ writer: i, version: o.result.value }] : [],
        );
        const badLosers = outcomes.filter(
          ({ result }) =>
            result.isErr() && !(result.error.name === "WriteConflict" && result.error.arn === arn),
        );
        const winner = winners[0];
        if (winners.length !== 1 || winner === undefined || badLosers.length > 0)
          throw violation(
            rule,
            `${writers} writers called putAlias for the same name at expected version ${version} at once (to ${round}): exactly one must succeed and every other must get WriteConflict for the alias ARN, but ${winners.length} succeeded.`,
            { successes: winners, "other errors": badLosers.map(shown) },
          );
        const won = aliases[winner.writer] as AliasRecord;
        expectNewVersion(rule, `putAlias(<writer ${winner.writer}>)`, winner.version, version);
        await expectAliasStored(
          rule,
          store,
          won,
          winner.version,
          "The store must hold the one successful write:",
        );
        version = winner.version;
      }
    },
  ),
  keyStoreCheck(
    rule,
    "aliases of one account and Region are never seen from another: getAlias and listAliases return only that scope's aliases, and a marker of one scope is refused in another with InvalidMarkerException",
    makeStore,
    async (store) => {
      // Aliases 1–3 exist in every scope (same names, other targets), alias 10 + s only in s.
      const aliasesOf = (s: number) =>
        [1, 2, 3, 10 + s].map((n) =>
          sampleAliasRecord(n, { scope: scopes[s] ?? homeScope, target: 20 + s }),
        );
      const versions: number[][] = [];
      for (const s of scopes.keys())
        versions.push((await putAll(store, aliasesOf(s))).map((a) => a.version));
      for (const s of scopes.keys())
        for (const [i, alias] of aliasesOf(s).entries())
          await expectAliasStored(
            rule,
            store,
            alias,
            versions[s]?.[i] ?? 0,
            "The same alias name is stored in four scopes; getAlias must return that scope's alias:",
          );
      const empty: KeyScope[] = [
        { accountId: "777788889999", region: "us-east-1" },
        { accountId: "111122223333", region: "us-west-2" },
      ];
      for (const [scope, expected] of [
        ...scopes.map((scope, s): [KeyScope, AliasRecord[]] => [scope, aliasesOf(s)]),
        ...empty.map((scope): [KeyScope, AliasRecord[]] => [scope, []]),
      ]) {
        const outcome = await store.listAliases(scope, { limit: 100 }, now);
        expectEveryAliasOnceInOrder(outcome.call, expected, okOf(rule, outcome).aliases);
        for (const alias of aliasesOf(0))
          await expectNoAlias(
            rule,
            store,
            { ...alias, ...scope, aliasName: upperCased(alias.aliasName) },
            "Alias names match exactly (case and all), so",
          );
      }
      const first = await store.listAliases(homeScope, { limit: 1 }, now);
      const marker = okOf(rule, first).nextMarker;
      if (marker === undefined)
        throw violation(rule, `${first.call} must return a nextMarker: 4 aliases are stored.`, {
          returned: shown(first),
        });
      okOf(rule, await store.listAliases(homeScope, { limit: 1, marker }, now));
      for (const scope of scopes.slice(1))
        expectErr(
          rule,
          await store.listAliases(scope, { limit: 1, marker }, now),
          { name: "InvalidMarkerException" },
          `The marker was handed out for ${homeScope.accountId}/${homeScope.region}, so`,
        );
    },
  ),
  keyStoreCheck(
    rule,
    `following nextMarker lists every alias of the scope exactly once, in name order by code point, in pages of at most the limit (limits ${pageLimits.join(", ")} and the number of aliases)`,
    makeStore,
    async (store) => {
      // Neighbours in other scopes, whose names sort among ours if the scope is ignored.
      for (const scope of [otherAccountScope, otherRegionScope])
        await putAll(
          store,
          [4, 11, 27].map((n) => sampleAliasRecord(n, { scope })),
        );
      const count = 30;
      // Put in an order that is neither numeric nor name order.
      const order = Array.from({ length: count }, (_, i) => (i * 7) % count);
      const aliases = order.map((n) => sampleAliasRecord(n, { target: n % 4 }));
      await putAll(store, aliases);
      for (const limit of [...pageLimits, count]) {
        const listed = await walkAliasPages(store, {
          scope: homeScope,
          limit,
          now,
          expectedCount: count,
        });
        expectEveryAliasOnceInOrder(
          `With ${count} aliases stored and limit ${limit}`,
          aliases,
          listed,
        );
      }
    },
  ),
  keyStoreCheck(
    rule,
    "listAliases returns InvalidMarkerException for a marker it never handed out, and for a marker list handed out",
    makeStore,
    async (store) => {
      for (const n of [1, 2, 3]) {
        okOf(rule, await store.put(sampleKeyRecord(n), 0));
        okOf(rule, await store.putAlias(sampleAliasRecord(n), 0));
      }
      const keyPage = await store.list(homeScope, { limit: 1 });
      const keyMarker = okOf(rule, keyPage).nextMarker;
      if (keyMarker === undefined)
        throw violation(rule, `${keyPage.call} must return a nextMarker: 3 keys are stored.`, {
          returned: shown(keyPage),
        });
      for (const marker of forgedMarkers)
        expectErr(
          rule,
          await store.listAliases(homeScope, { limit: 2, marker }, now),
          { name: "InvalidMarkerException" },
          "The store never handed out this marker, so",
        );
      expectErr(
        rule,
        await store.listAliases(homeScope, { limit: 2, marker: keyMarker }, now),
        { name: "InvalidMarkerException" },
        "The store handed this marker out for a page of keys, not of aliases, so",
      );
    },
  ),
  keyStoreCheck(
    rule,
    "a page walk of aliases goes on when the alias its marker names is deleted between pages, listing every remaining alias once, in name order",
    makeStore,
    async (store) => {
      const stored = await putAll(
        store,
        Array.from({ length: 9 }, (_, n) => sampleAliasRecord(n)),
      );
      const byName = [...stored].sort((a, b) => (a.alias.aliasName < b.alias.aliasName ? -1 : 1));
      const remove = async ({ alias, version }: StoredAlias) =>
        okOf(rule, await store.deleteAlias(homeScope, alias.aliasName, version));
      const notYetListed = byName[6] as StoredAlias;
      // After each page, delete the alias just listed (the one the marker names); after the
      // first, also one not listed yet.
      const listed = await walkAliasPages(store, {
        scope: homeScope,
        limit: 2,
        now,
        expectedCount: 8,
        between: async (page, so) => {
          const last = so.at(-1);
          const named = stored.find(({ alias }) => alias.aliasName === last?.aliasName);
          if (named !== undefined) await remove(named);
          if (page === 0) await remove(notYetListed);
        },
      });
      expectEveryAliasOnceInOrder(
        "With 9 aliases, limit 2, and the alias each marker names and one not yet listed deleted between pages",
        byName.filter((a) => a !== notYetListed).map(({ alias }) => alias),
        listed,
      );
    },
  ),
  keyStoreCheck(
    rule,
    "listAliases with targetKeyId lists, page by page, exactly the aliases of that key of the scope, in name order",
    makeStore,
    async (store) => {
      const aliases = Array.from({ length: 12 }, (_, n) =>
        sampleAliasRecord(n, { target: 1 + (n % 3) }),
      );
      await putAll(store, aliases);
      // The same key ID in another account, with aliases of its own.
      await putAll(
        store,
        [1, 4, 40].map((n) => sampleAliasRecord(n, { scope: otherAccountScope, target: 2 })),
      );
      for (const target of [1, 2, 3]) {
        const expected = aliases.filter((a) => a.targetKeyId === sampleKeyId(target));
        const listed = await walkAliasPages(store, {
          scope: homeScope,
          limit: 2,
          now,
          targetKeyId: sampleKeyId(target),
          expectedCount: expected.length,
        });
        expectEveryAliasOnceInOrder(
          `Listing the aliases of key ${sampleKeyId(target)} with limit 2`,
          expected,
          listed,
        );
      }
      const none = await store.listAliases(
        homeScope,
        { limit: 2, targetKeyId: sampleKeyId(4) },
        now,
      );
      const page = okOf(rule, none);
      if (page.aliases.length > 0 || page.nextMarker !== undefined)
        throw violation(
          rule,
          `${none.call} must return an empty page without a marker: no alias points at that key.`,
          { returned: shown(none) },
        );
    },
  ),
  keyStoreCheck(
    rule,
    "listAliases leaves out the aliases of a key that is PendingDeletion with a deletion date at or before now, and lists them while the key is not yet due",
    makeStore,
    async (store) => {
      // Key 1 is due at `now`, key 2 a millisecond later; key 3 is not deleted; key 4 is not
      // stored. In another account key 1 is not deleted and key 3 was due a day before.
      const pendingDeletion = "PendingDeletion without material";
      await putKey(store, 1, homeScope, pendingDeletion, at(0));
      await putKey(store, 2, homeScope, pendingDeletion, at(1));
      await putKey(store, 3, homeScope, "Disabled");
      await putKey(store, 1, otherAccountScope, "Disabled");
      await putKey(store, 3, otherAccountScope, pendingDeletion, at(-day));
      const home = [0, 1, 2, 3, 4, 5].map((n) => sampleAliasRecord(n, { target: 1 + (n % 4) }));
      const other = [0, 1].map((n) =>
        sampleAliasRecord(n, { scope: otherAccountScope, target: n === 0 ? 1 : 3 }),
      );
      await putAll(store, [...home, ...other]);
      const of = (keys: number[]) =>
        home.filter((a) => keys.some((key) => a.targetKeyId === sampleKeyId(key)));
      const cases: [Date, KeyScope, AliasRecord[], string][] = [
        [at(-1), homeScope, home, "a millisecond before key 1 is due, every alias"],
        [at(0), homeScope, of([2, 3, 4]), "when key 1 is due, all but its aliases"],
        [at(1), homeScope, of([3, 4]), "when keys 1 and 2 are due, all but their aliases"],
        [at(0), otherAccountScope, [other[0] as AliasRecord], "in another account, only"],
      ];
      for (const [when, scope, expected, what] of cases) {
        const listed = await walkAliasPages(store, {
          scope,
          limit: 1,
          now: when,
          expectedCount: expected.length,
        });
        expectEveryAliasOnceInOrder(`Listing ${what}`, expected, listed);
      }
      const ofDueKey = await store.listAliases(
        homeScope,
        { limit: 10, targetKeyId: sampleKeyId(1) },
        now,
      );
      if (okOf(rule, ofDueKey).aliases.length > 0)
        throw violation(
          rule,
          `${ofDueKey.call} must list no alias: the key is PendingDeletion and due at that time, so it and its aliases no longer exist.`,
          { returned: shown(ofDueKey) },
        );
    },
  ),
  keyStoreCheck(
    rule,
    "removeDeletedKeys removes the aliases of every key it removes, in every account and Region, and no other alias",
    makeStore,
    async (store) => {
      // In each scope: key 1 due, key 2 due a week later, key 3 not deleted, key 4 not stored;
      // in the partition's scope key 1 is not deleted.
      const pendingDeletion = "PendingDeletion without material";
      const removalScopes = [homeScope, otherRegionScope, otherPartitionScope];
      const stored: { stored: StoredAlias; due: boolean }[] = [];
      for (const scope of removalScopes) {
        const dueHere = scope !== otherPartitionScope;
        await putKey(store, 1, scope, dueHere ? pendingDeletion : "Disabled", at(-minute));
        await putKey(store, 2, scope, pendingDeletion, at(7 * day));
        await putKey(store, 3, scope, "Disabled");
        const aliases = [0, 1, 2, 3, 4, 5].map((n) =>
          sampleAliasRecord(n, { scope, target: 1 + (n % 4) }),
        );
        for (const alias of await putAll(store, aliases))
          stored.push({
            stored: alias,
            due: dueHere && alias.alias.targetKeyId === sampleKeyId(1),
          });
      }
      const outcome = await store.removeDeletedKeys(now);
      if (okOf(rule, outcome) !== 2)
        throw violation(rule, `${outcome.call} removed 2 keys, so it must return 2.`, {
          returned: shown(outcome),
        });
      for (const { stored: kept, due } of stored) {
        if (due)
          await expectNoAlias(
            rule,
            store,
            kept.alias,
            `${outcome.call} removed ${kept.alias.targetKeyId} of ${kept.alias.accountId}/${kept.alias.region}, the key ${shownAlias(kept.alias)} points at, so`,
          );
        else
          await expectAliasStored(
            rule,
            store,
            kept.alias,
            kept.version,
            `${outcome.call} must leave ${shownAlias(kept.alias)} as stored, at its version, since its key was not removed:`,
          );
      }
      // Listed before anything was due: a store that only hides the aliases shows them here.
      for (const scope of removalScopes) {
        const expected = stored
          .filter(({ stored: { alias }, due }) => !due && alias.region === scope.region)
          .map(({ stored: { alias } }) => alias);
        const listed = await walkAliasPages(store, {
          scope,
          limit: 3,
          now: at(-day),
          expectedCount: expected.length,
        });
        expectEveryAliasOnceInOrder(
          `After ${outcome.call}, listing at a time before any key was due`,
          expected,
          listed,
        );
      }
      const removed = stored.find(({ due }) => due)?.stored.alias;
      if (removed !== undefined) {
        const again = await store.putAlias({ ...removed, targetKeyId: sampleKeyId(3) }, 0);
        expectNewVersion(rule, again.call, okOf(rule, again), 0);
      }
    },
  ),
  keyStoreCheck(
    rule,
    "changing an alias after putAlias, or what getAlias or listAliases returned, changes nothing the store returns",
    makeStore,
    async (store) => {
      const given = [0, 1].map((n) => sampleAliasRecord(n));
      const before: StoredAlias[] = structuredClone(await putAll(store, given));
      const listedBefore = structuredClone(
        okOf(rule, await store.listAliases(homeScope, { limit: 10 }, now)).aliases,
      );
      const expectUntouched = async (what: string) => {
        for (const stored of before)
          await expectAliasUnchanged(
            rule,
            store,
            stored,
            `After ${what}, getAlias must return what it did before:`,
          );
        const outcome = await store.listAliases(homeScope, { limit: 10 }, now);
        const { aliases } = okOf(rule, outcome);
        const difference = recordDifference(listedBefore, aliases, "aliases");
        if (difference !== undefined)
          throw violation(
            rule,
            `After ${what}, ${outcome.call} must return what it did before: ${difference}.`,
            { before: listedBefore, after: aliases },
          );
      };
      for (const alias of given) scribble(alias);
      await expectUntouched("the caller changed the aliases it had put (strings, Dates)");
      for (const { alias } of before)
        scribble(okOf(rule, await store.getAlias(homeScope, alias.aliasName)));
      await expectUntouched("the caller changed what getAlias returned (alias, version, Dates)");
      scribble(okOf(rule, await store.listAliases(homeScope, { limit: 10 }, now)));
      await expectUntouched("the caller changed the page listAliases returned (aliases, Dates)");
    },
  ),
];
