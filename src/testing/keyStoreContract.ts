import type { KeyStore } from "../ports/keyStore.js";
import { aliasingChecks } from "./_internals/keyStoreAliasingChecks.js";
import { aliasListChecks } from "./_internals/keyStoreAliasListChecks.js";
import { aliasWriteChecks } from "./_internals/keyStoreAliasWriteChecks.js";
import { behaviourChecks } from "./_internals/keyStoreBehaviourChecks.js";
import type { KeyStoreSettings } from "./_internals/keyStoreCheck.js";
import { compareAndSetChecks } from "./_internals/keyStoreCompareAndSetChecks.js";
import { concurrencyChecks } from "./_internals/keyStoreConcurrencyChecks.js";
import { durabilityChecks } from "./_internals/keyStoreDurabilityChecks.js";
import { errorsAsValuesChecks } from "./_internals/keyStoreErrorsAsValuesChecks.js";
import { isolationChecks } from "./_internals/keyStoreIsolationChecks.js";
import { largePageChecks } from "./_internals/keyStoreLargePageChecks.js";
import { paginationChecks } from "./_internals/keyStorePaginationChecks.js";
import { removalChecks } from "./_internals/keyStoreRemovalChecks.js";
import { roundTripChecks } from "./_internals/keyStoreRoundTripChecks.js";
import { twoInstanceChecks } from "./_internals/keyStoreTwoInstanceChecks.js";
import type { KeyStoreCheck, KeyStoreFactory } from "./keyStoreCheckTypes.js";

export type { KeyStoreCheck, KeyStoreFactory, KeyStoreRule } from "./keyStoreCheckTypes.js";

/** Tunes {@link keyStoreContract} for slower stores. */
export interface KeyStoreContractOptions {
  /** How many writers race in the concurrent-writer checks; at least 2, default 20. */
  readonly writers?: number;
  /**
   * The page limits the pagination check walks with; for each limit it walks 0, 1, limit,
   * limit + 1 and 2.5 × limit keys. Default: 1 to 7 and 1000 (2,500 keys at most).
   */
  readonly pageLimits?: readonly number[];
  /**
   * Opens another store instance over the same storage as `store` (the same file or
   * database), as a restarted process would; the first instance stays open. When given, the
   * `durability` and `two instances` checks run; without it they are not in the list.
   */
  readonly openAgain?: (store: KeyStore) => KeyStore | Promise<KeyStore>;
}

const defaultPageLimits = [1, 2, 3, 4, 5, 6, 7, 1000];

/**
 * The checks every {@link KeyStore} adapter must pass, as a list of named checks you hand to
 * your test runner. It is runner-agnostic: no vitest, jest or node:test import; each check is
 * a name and an async `run` that rejects when the store breaks a rule.
 *
 * Rules: `round trip` (get and list return what put stored, Dates as Dates, bytes as bytes),
 * `compare-and-set` (a stale `expectedVersion` gets `WriteConflict` and changes nothing;
 * versions only go up), `concurrent writers` (racing read–change–put writers lose no update;
 * of racing puts at one version exactly one wins), `isolation` (accounts and Regions never
 * mix, in `list`, in markers, or in `get`), `pagination` (following `nextMarker` yields every
 * key once in ARN order; a forged marker gets `InvalidMarkerException`), `no aliasing`
 * (changing a record after put, or what get or list returned, changes nothing stored), and
 * `errors are values` (no call throws or rejects; each returns a neverthrow `ResultAsync`),
 * `removal` (`removeDeletedKeys(now)` removes exactly the `PendingDeletion` keys due at or
 * before `now`, in every account and Region, and returns how many; every other key stays as
 * stored, at its version; a second call removes 0; a page walk survives the removal of the key
 * its marker names; a removed ARN comes back only by a put at version 0), `large pages`
 * (a walk with limit 1000 over 1,200 records at their largest: 8,192-character descriptions,
 * ten RSA_4096-sized parameter sets, sealed material, 50 tags of 128 and 256 characters and
 * a 32,768-character key policy, all returned exactly), `aliases` (`getAlias`,
 * `putAlias`, `deleteAlias` and `listAliases`: what putAlias stored comes back, Dates as
 * Dates; a stale version gets `WriteConflict` with the alias ARN and changes nothing, and of
 * racing creators of one name exactly one wins; accounts and Regions never mix; following
 * `nextMarker` yields every alias once in name order by code point, also when the alias a
 * marker names is deleted, and a forged marker gets `InvalidMarkerException`; `targetKeyId`
 * lists one key's aliases; an alias whose key is `PendingDeletion` and due at `now` is left
 * out, and listed before; `removeDeletedKeys` removes the aliases of the keys it removes and
 * no other; changing what was put or returned changes nothing stored), and `behaviour
 * profiles` (`claimBehaviour` returns the first profile claimed for an account and Region ever
 * after, per account and Region, every racing first claimant gets the one stored, and, with
 * `openAgain`, so does an instance opened anew).
 *
 * With `openAgain`, two more: `durability` (an instance opened anew over the same storage
 * reads back every key and alias the first wrote, exactly and at the same version, and not
 * one it removed; compare-and-set holds across instances) and `two instances` (the races of
 * `concurrent writers` with the writers split between two instances over one storage).
 * Without `openAgain` these checks are not in the list.
 *
 * Each check calls `makeStore()` once and must get an empty store. Versions need not start
 * at 1 or count by one, only go up. Against `memoryKeyStore()` all checks together take about
 * 2 s, most of it the `large pages` check (about 130 MB of records).
 *
 * Throws `RangeError` for options out of range (fewer than 2 writers, a page limit that is not
 * a positive integer); the checks themselves report broken rules only by rejecting.
 *
 * @example
 * ```ts
 * import { describe, it } from "vitest";
 * import { keyStoreContract } from "kms-byok/testing";
 *
 * describe("postgresKeyStore", () => {
 *   for (const check of keyStoreContract(() => postgresKeyStore(freshSchema()))) {
 *     it(check.name, check.run);
 *   }
 * });
 * ```
 */
export function keyStoreContract(
  makeStore: KeyStoreFactory,
  options: KeyStoreContractOptions = {},
): readonly KeyStoreCheck[] {
  const settings: KeyStoreSettings = {
    writers: options.writers ?? 20,
    pageLimits: options.pageLimits ?? defaultPageLimits,
    ...(options.openAgain === undefined ? {} : { openAgain: options.openAgain }),
  };
  if (!Number.isSafeInteger(settings.writers) || settings.writers < 2)
    throw new RangeError(`keyStoreContract needs at least 2 writers, not ${settings.writers}.`);
  if (settings.pageLimits.some((limit) => !Number.isSafeInteger(limit) || limit < 1))
    throw new RangeError(
      `keyStoreContract page limits must be positive integers: ${settings.pageLimits.join(", ")}.`,
    );
  return Object.freeze(
    [
      roundTripChecks,
      compareAndSetChecks,
      concurrencyChecks,
      isolationChecks,
      paginationChecks,
      aliasingChecks,
      errorsAsValuesChecks,
      removalChecks,
      largePageChecks,
      aliasWriteChecks,
      aliasListChecks,
      behaviourChecks,
      durabilityChecks,
      twoInstanceChecks,
    ].flatMap((group) => group(makeStore, settings)),
  );
}
