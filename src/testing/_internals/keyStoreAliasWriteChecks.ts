import { type AliasRecord, aliasArn } from "../../domain/aliasRecord.js";
import type { StoredAlias } from "../../ports/keyStore.js";
import {
  expectAliasStored,
  expectAliasUnchanged,
  expectNoAlias,
} from "./keyStoreAliasExpectations.js";
import {
  at,
  day,
  expectSameAliases,
  minute,
  listingNow as now,
  putAll,
  putKey,
  aliasRule as rule,
} from "./keyStoreAliasFixtures.js";
import { expectEveryAliasOnceInOrder } from "./keyStoreAliasPageWalk.js";
import { shown } from "./keyStoreCalls.js";
import { type KeyStoreCheckGroup, keyStoreCheck } from "./keyStoreCheck.js";
import { expectErr, expectNewVersion, okOf } from "./keyStoreExpectations.js";
import { recordDifference } from "./keyStoreRecordDifference.js";
import { scribble } from "./keyStoreScribble.js";
import { violation } from "./keyStoreViolation.js";
import { sampleAliasName, sampleAliasRecord } from "./sampleAliasRecord.js";
import { homeScope } from "./sampleKeyRecord.js";

/**
 * Checks that aliases are stored, replaced and deleted by compare-and-set, as keys are, and that
 * no caller changes a stored alias by holding on to one.
 */
export const aliasWriteChecks: KeyStoreCheckGroup = (makeStore, { writers }) => [
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
