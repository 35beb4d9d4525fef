import { type AliasRecord, aliasArn } from "../../domain/aliasRecord.js";
import type { KeyScope } from "../../domain/keyArn.js";
import type { KeyId } from "../../domain/keyId.js";
import type { CheckedStore } from "./keyStoreCalls.js";
import { okOf } from "./keyStoreExpectations.js";
import { violation } from "./keyStoreViolation.js";

const rule = "aliases";

/** An alias as messages show it: its ARN, so its account and Region show. */
export function shownAlias(alias: AliasRecord): string {
  return aliasArn(alias, alias.aliasName);
}

/** What {@link walkAliasPages} lists. */
export interface AliasWalk {
  readonly scope: KeyScope;
  readonly limit: number;
  readonly now: Date;
  readonly targetKeyId?: KeyId;
  /** How many aliases the walk expects, to stop a walk that never ends. */
  readonly expectedCount: number;
  /** Runs after every page that has a marker. */
  readonly between?: (pageIndex: number, listed: readonly AliasRecord[]) => Promise<void>;
}

/**
 * Lists the aliases of a scope page by page, following `nextMarker` until a page has none, and
 * checks each page on the way: at most `limit` aliases, a string or no `nextMarker`, no empty
 * page except the only page of an empty list, no alias twice.
 */
export async function walkAliasPages(store: CheckedStore, walk: AliasWalk): Promise<AliasRecord[]> {
  const { scope, limit, now, targetKeyId, expectedCount, between } = walk;
  const listed: AliasRecord[] = [];
  const seen = new Set<string>();
  let marker: string | undefined;
  for (let pageIndex = 0; ; pageIndex++) {
    const page = {
      limit,
      ...(marker === undefined ? {} : { marker }),
      ...(targetKeyId === undefined ? {} : { targetKeyId }),
    };
    const outcome = await store.listAliases(scope, page, now);
    const { aliases, nextMarker } = okOf(rule, outcome);
    const names = aliases.map((alias) => alias.aliasName);
    const where = `Walking ${expectedCount} aliases with limit ${limit}, page ${pageIndex + 1}: ${outcome.call}`;
    if (aliases.length > limit)
      throw violation(rule, `${where} returned ${aliases.length} aliases, more than the limit.`, {
        names,
      });
    if (nextMarker !== undefined && typeof nextMarker !== "string")
      throw violation(rule, `${where} returned a nextMarker that is not a string.`, { nextMarker });
    if (aliases.length === 0 && nextMarker !== undefined)
      throw violation(
        rule,
        `${where} returned an empty page with a nextMarker: a page with a nextMarker must hold at least one alias.`,
        { "aliases listed before": listed.length, nextMarker },
      );
    if (aliases.length === 0 && marker !== undefined)
      throw violation(
        rule,
        `${where} returned an empty last page: the page that holds the last alias must have no nextMarker (ListAliases reports a marker as Truncated: true).`,
        { "aliases listed before": listed.length },
      );
    const again = names.filter((name) => seen.has(name));
    if (again.length > 0)
      throw violation(
        rule,
        `${where} listed some aliases more than once: they were on an earlier page.`,
        { again, "earlier pages": [...seen] },
      );
    for (const name of names) seen.add(name);
    listed.push(...aliases);
    if (nextMarker === undefined) return listed;
    if (pageIndex > expectedCount + 1)
      throw violation(
        rule,
        `${where} still returned a nextMarker after more pages than there are aliases.`,
        { "aliases listed so far": listed.length },
      );
    marker = nextMarker;
    await between?.(pageIndex, listed);
  }
}

/**
 * Requires `listed` to be exactly `expected`: each alias once, in alias name order by code
 * point (as JavaScript compares strings), and each of the right account and Region.
 */
export function expectEveryAliasOnceInOrder(
  why: string,
  expected: readonly AliasRecord[],
  listed: readonly AliasRecord[],
): void {
  const want = expected.map(shownAlias).sort();
  const got = listed.map(shownAlias);
  const repeated = got.filter((arn, i) => got.indexOf(arn) !== i);
  const missing = want.filter((arn) => !got.includes(arn));
  const foreign = got.filter((arn) => !want.includes(arn));
  const byName = [...expected]
    .sort((a, b) => (a.aliasName < b.aliasName ? -1 : a.aliasName > b.aliasName ? 1 : 0))
    .map(shownAlias);
  const problem =
    repeated.length > 0
      ? "listed some aliases more than once"
      : missing.length > 0
        ? "never listed some aliases it must list"
        : foreign.length > 0
          ? "listed aliases it must not list"
          : got.some((arn, i) => arn !== byName[i])
            ? "did not list the aliases in name order (by code point, as JavaScript compares strings)"
            : undefined;
  if (problem === undefined) return;
  throw violation(
    rule,
    `${why}, following nextMarker ${problem}; every alias must be listed exactly once, in name order.`,
    {
      repeated,
      missing,
      "listed but must not be": foreign,
      ...(problem.includes("order") ? { "listed order": got, "name order": byName } : {}),
    },
  );
}
