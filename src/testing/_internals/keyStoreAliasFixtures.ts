// What the alias checks of the store contract share: aliasWriteChecks and aliasListChecks.
import type { AliasRecord } from "../../domain/aliasRecord.js";
import type { KeyScope } from "../../domain/keyArn.js";
import type { StoredAlias } from "../../ports/keyStore.js";
import { shownAlias } from "./keyStoreAliasPageWalk.js";
import type { CheckedStore } from "./keyStoreCalls.js";
import { expectNewVersion, okOf } from "./keyStoreExpectations.js";
import { recordDifference } from "./keyStoreRecordDifference.js";
import { violation } from "./keyStoreViolation.js";
import { sampleKeyRecord } from "./sampleKeyRecord.js";

/** The rule the alias checks report against. */
export const aliasRule = "aliases";
export const minute = 60_000;
export const day = 86_400_000;
/** The `now` the checks list aliases at, unless they test `now` itself. */
export const listingNow = new Date("2026-04-30T08:00:00.500Z");
/** A fresh Date `ms` milliseconds after {@link listingNow} (before it, when negative). */
export const at = (ms: number) => new Date(listingNow.getTime() + ms);

/** Puts `aliases` at version 0 and returns them with the versions putAlias returned. */
export async function putAll(
  store: CheckedStore,
  aliases: readonly AliasRecord[],
): Promise<StoredAlias[]> {
  const stored: StoredAlias[] = [];
  for (const alias of aliases) {
    const outcome = await store.putAlias(alias, 0);
    const version = okOf(aliasRule, outcome);
    expectNewVersion(aliasRule, outcome.call, version, 0);
    stored.push({ alias, version });
  }
  return stored;
}

/** Puts sample key `n` of `scope` in `shape`, due at `deletionDate` when PendingDeletion. */
export async function putKey(
  store: CheckedStore,
  n: number,
  scope: KeyScope,
  shape: "Disabled" | "PendingDeletion without material",
  deletionDate?: Date,
): Promise<void> {
  const options = deletionDate === undefined ? { scope, shape } : { scope, shape, deletionDate };
  okOf(aliasRule, await store.put(sampleKeyRecord(n, options), 0));
}

/** Requires listAliases to return, for each alias listed, exactly the alias stored. */
export function expectSameAliases(
  call: string,
  expected: readonly AliasRecord[],
  listed: readonly AliasRecord[],
): void {
  for (const alias of expected) {
    const returned = listed.find((a) => shownAlias(a) === shownAlias(alias));
    const difference = recordDifference(alias, returned, "alias");
    if (difference !== undefined)
      throw violation(aliasRule, `${call} returned ${shownAlias(alias)}: ${difference}.`, {
        expected: alias,
        returned,
      });
  }
}

/** Checks that the aliases of the KeyStore port keep the rules keys keep, and die with their key. */
