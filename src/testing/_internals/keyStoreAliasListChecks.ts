import type { AliasName, AliasRecord } from "../../domain/aliasRecord.js";
import type { KeyScope } from "../../domain/keyArn.js";
import type { StoredAlias } from "../../ports/keyStore.js";
import { expectAliasStored, expectNoAlias } from "./keyStoreAliasExpectations.js";
import {
  at,
  day,
  minute,
  listingNow as now,
  putAll,
  putKey,
  aliasRule as rule,
} from "./keyStoreAliasFixtures.js";
import {
  expectEveryAliasOnceInOrder,
  shownAlias,
  walkAliasPages,
} from "./keyStoreAliasPageWalk.js";
import { shown } from "./keyStoreCalls.js";
import { type KeyStoreCheckGroup, keyStoreCheck } from "./keyStoreCheck.js";
import { expectErr, expectNewVersion, okOf } from "./keyStoreExpectations.js";
import { violation } from "./keyStoreViolation.js";
import { sampleAliasRecord } from "./sampleAliasRecord.js";
import {
  homeScope,
  otherAccountScope,
  otherPartitionScope,
  otherRegionScope,
  sampleKeyId,
  sampleKeyRecord,
} from "./sampleKeyRecord.js";

const scopes = [homeScope, otherAccountScope, otherRegionScope, otherPartitionScope];
/** Markers no store hands out. */
const forgedMarkers = ["not a marker!", "", "%00", "0".repeat(2048)];

/** `alias/` and the rest of `name` in upper case: a name that differs only in case. */
const upperCased = (name: AliasName) =>
  `alias/${name.slice("alias/".length).toUpperCase()}` as AliasName;

/**
 * Checks that listAliases pages aliases as list pages keys, scope by scope and key by key, and
 * that aliases die with their key.
 */
export const aliasListChecks: KeyStoreCheckGroup = (makeStore, { pageLimits }) => [
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
];
