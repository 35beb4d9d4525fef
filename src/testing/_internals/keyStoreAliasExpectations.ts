import type { AliasRecord } from "../../domain/aliasRecord.js";
import type { StoredAlias } from "../../ports/keyStore.js";
import type { KeyStoreRule } from "../keyStoreCheckTypes.js";
import { type CheckedStore, shown } from "./keyStoreCalls.js";
import { okOf } from "./keyStoreExpectations.js";
import { recordDifference } from "./keyStoreRecordDifference.js";
import { violation } from "./keyStoreViolation.js";

const lastWrite =
  "getAlias must return the alias the last successful putAlias stored, at the version that putAlias returned.";

/**
 * Requires `getAlias` of `expected`'s scope and name to return an alias equal to `expected` in
 * every member, Dates as Dates, at `version`.
 */
export async function expectAliasStored(
  rule: KeyStoreRule,
  store: CheckedStore,
  expected: AliasRecord,
  version: number,
  why = lastWrite,
): Promise<StoredAlias> {
  const outcome = await store.getAlias(expected, expected.aliasName);
  const stored = okOf(rule, outcome);
  const difference =
    stored === undefined
      ? "it returned undefined"
      : stored.version !== version
        ? `the version is ${stored.version}, not ${version}`
        : recordDifference(expected, stored.alias, "alias");
  if (stored !== undefined && difference === undefined) return stored;
  throw violation(rule, `${why} ${outcome.call}: ${difference}.`, {
    expected: { alias: expected, version },
    returned: stored,
  });
}

/** Requires `getAlias` of `alias`'s scope and name to return undefined. */
export async function expectNoAlias(
  rule: KeyStoreRule,
  store: CheckedStore,
  alias: AliasRecord,
  why: string,
): Promise<void> {
  const outcome = await store.getAlias(alias, alias.aliasName);
  if (okOf(rule, outcome) === undefined) return;
  throw violation(rule, `${why} ${outcome.call} must return undefined.`, {
    returned: shown(outcome),
  });
}

/** Requires getAlias to return exactly `before`: what it returned earlier, copied. */
export async function expectAliasUnchanged(
  rule: KeyStoreRule,
  store: CheckedStore,
  before: StoredAlias,
  why: string,
): Promise<void> {
  const outcome = await store.getAlias(before.alias, before.alias.aliasName);
  const after = okOf(rule, outcome);
  const difference = recordDifference(before, after, "stored");
  if (difference === undefined) return;
  throw violation(rule, `${why} ${outcome.call}: ${difference}.`, { before, after });
}
