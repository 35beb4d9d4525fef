import type { KeyScope } from "../../domain/keyArn.js";
import type { KeyRecord } from "../../domain/keyRecord.js";
import type { KeyStoreRule } from "../keyStoreCheckTypes.js";
import type { CheckedStore } from "./keyStoreCalls.js";
import { okOf } from "./keyStoreExpectations.js";
import { violation } from "./keyStoreViolation.js";

/**
 * Lists `scope` page by page, following `nextMarker` until a page has none, and checks each
 * page on the way: at most `limit` records, a string or no `nextMarker`, and no empty page
 * except the only page of an empty scope. `between` runs after every page that has a marker.
 * A broken page is reported under `rule` (the pagination rule unless another check walks).
 */
export async function walkPages(
  store: CheckedStore,
  scope: KeyScope,
  limit: number,
  expectedCount: number,
  between: (pageIndex: number) => Promise<void> = async () => {},
  rule: KeyStoreRule = "pagination",
): Promise<KeyRecord[]> {
  const listed: KeyRecord[] = [];
  const seen = new Set<string>();
  let marker: string | undefined;
  for (let pageIndex = 0; ; pageIndex++) {
    const outcome = await store.list(scope, marker === undefined ? { limit } : { limit, marker });
    const page = okOf(rule, outcome);
    const arns = page.records.map((r) => r.arn);
    const where = `Walking ${expectedCount} keys with limit ${limit}, page ${pageIndex + 1}: ${outcome.call}`;
    if (page.records.length > limit)
      throw violation(rule, `${where} returned ${page.records.length} keys, more than the limit.`, {
        arns,
      });
    if (page.nextMarker !== undefined && typeof page.nextMarker !== "string")
      throw violation(rule, `${where} returned a nextMarker that is not a string.`, {
        nextMarker: page.nextMarker,
      });
    if (page.records.length === 0 && page.nextMarker !== undefined)
      throw violation(
        rule,
        `${where} returned an empty page with a nextMarker: a page with a nextMarker must hold at least one key.`,
        {
          "keys listed before": listed.length,
          nextMarker: page.nextMarker,
        },
      );
    if (page.records.length === 0 && marker !== undefined)
      throw violation(
        rule,
        `${where} returned an empty last page: the page that holds the last key must have no nextMarker (ListKeys reports a marker as Truncated: true).`,
        {
          "keys listed before": listed.length,
        },
      );
    const again = arns.filter((arn) => seen.has(arn));
    if (again.length > 0)
      throw violation(
        rule,
        `${where} listed some keys more than once: they were on an earlier page.`,
        {
          again,
          "earlier pages": [...seen],
        },
      );
    for (const arn of arns) seen.add(arn);
    listed.push(...page.records);
    if (page.nextMarker === undefined) return listed;
    if (pageIndex > expectedCount + 1)
      throw violation(
        rule,
        `${where} still returned a nextMarker after more pages than there are keys.`,
        {
          "keys listed so far": listed.length,
        },
      );
    marker = page.nextMarker;
    await between(pageIndex);
  }
}

/** Requires `listed` to be exactly `expected`: each key once, in ARN order. */
export function expectEveryKeyOnceInOrder(
  why: string,
  expected: readonly KeyRecord[],
  listed: readonly KeyRecord[],
  rule: KeyStoreRule = "pagination",
): void {
  const want = expected.map((r) => r.arn).sort();
  const got = listed.map((r) => r.arn);
  const repeated = got.filter((arn, i) => got.indexOf(arn) !== i);
  const missing = want.filter((arn) => !got.includes(arn));
  const foreign = got.filter((arn) => !want.includes(arn));
  const problem =
    repeated.length > 0
      ? "listed some keys more than once"
      : missing.length > 0
        ? "never listed some keys"
        : foreign.length > 0
          ? "listed keys that are not stored in this scope"
          : got.some((arn, i) => arn !== want[i])
            ? "did not list the keys in ARN order"
            : undefined;
  if (problem === undefined) return;
  throw violation(
    rule,
    `${why}, following nextMarker ${problem}; every key must be listed exactly once, in ARN order.`,
    {
      repeated,
      missing,
      foreign,
      ...(problem.includes("order") ? { "listed order": got, "ARN order": want } : {}),
    },
  );
}
