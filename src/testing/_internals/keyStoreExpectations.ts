import type { AliasArn } from "../../domain/aliasRecord.js";
import type { KeyArn } from "../../domain/keyArn.js";
import type { KeyRecord } from "../../domain/keyRecord.js";
import type { StoredKey } from "../../ports/keyStore.js";
import type { KeyStoreRule } from "../keyStoreCheckTypes.js";
import type { CheckedStore, Outcome } from "./keyStoreCalls.js";
import { recordDifference } from "./keyStoreRecordDifference.js";
import { violation } from "./keyStoreViolation.js";

/** The value of an outcome that must be `ok`; otherwise a violation of `rule` showing the error. */
export function okOf<T>(rule: KeyStoreRule, { call, result }: Outcome<T, unknown>): T {
  if (result.isOk()) return result.value;
  throw violation(rule, `${call} must succeed here, but it returned an error.`, {
    error: result.error,
  });
}

/** Requires `err` with the given error name (and `arn`, for `WriteConflict`). */
export function expectErr(
  rule: KeyStoreRule,
  { call, result }: Outcome<unknown, unknown>,
  expected: { readonly name: string; readonly arn?: KeyArn | AliasArn },
  why: string,
): void {
  const error: unknown = result.isErr() ? result.error : undefined;
  const named =
    typeof error === "object" && error !== null ? (error as Record<string, unknown>) : {};
  if (
    named["name"] === expected.name &&
    (expected.arn === undefined || named["arn"] === expected.arn)
  )
    return;
  throw violation(rule, `${why} ${call} must return err ${expected.name}, but it did not.`, {
    expected: { ...expected },
    returned: result.isOk() ? { ok: result.value } : { err: error },
  });
}

/** Requires a version a successful put may return: a safe integer above `previous`. */
export function expectNewVersion(
  rule: KeyStoreRule,
  call: string,
  version: number,
  previous: number,
): void {
  if (Number.isSafeInteger(version) && version > previous) return;
  throw violation(
    rule,
    `${call} must return a new version: an integer greater than the version it replaced (versions only go up, so a stale writer can never match again).`,
    { "version replaced": previous, "version returned": version },
  );
}

const lastWrite =
  "get must return the record the last successful put stored, at the version that put returned.";

/**
 * Requires `get(expected.arn)` to return a record equal to `expected` in every member, at
 * `version`: the round-trip rule.
 */
export async function expectStored(
  rule: KeyStoreRule,
  store: CheckedStore,
  expected: KeyRecord,
  version: number,
  why = lastWrite,
): Promise<StoredKey> {
  return expectGet(rule, store, expected, version, why, (record) => record);
}

/**
 * Requires `get(expected.arn)` to return the write of `expected` at `version`, judged by the
 * members other rules change (ARN, account, Region, state, description), so a store that
 * breaks only the round trip is reported only by the round-trip checks.
 */
export async function expectWritten(
  rule: KeyStoreRule,
  store: CheckedStore,
  expected: KeyRecord,
  version: number,
  why = lastWrite,
): Promise<StoredKey> {
  return expectGet(rule, store, expected, version, why, identity);
}

/** Requires get to return exactly `before`: what it returned earlier, copied. */
export async function expectUnchanged(
  rule: KeyStoreRule,
  store: CheckedStore,
  before: StoredKey,
  why: string,
): Promise<void> {
  const outcome = await store.get(before.record.arn);
  const after = okOf(rule, outcome);
  const difference = recordDifference(before, after, "stored");
  if (difference === undefined) return;
  throw violation(rule, `${why} ${outcome.call}: ${difference}.`, { before, after });
}

function identity({ arn, accountId, region, keyState, description }: KeyRecord) {
  return { arn, accountId, region, keyState, description };
}

async function expectGet(
  rule: KeyStoreRule,
  store: CheckedStore,
  expected: KeyRecord,
  version: number,
  why: string,
  compared: (record: KeyRecord) => object,
): Promise<StoredKey> {
  const outcome = await store.get(expected.arn);
  const stored = okOf(rule, outcome);
  const difference =
    stored === undefined
      ? "it returned undefined"
      : stored.version !== version
        ? `the version is ${stored.version}, not ${version}`
        : recordDifference(compared(expected), compared(stored.record));
  if (stored !== undefined && difference === undefined) return stored;
  throw violation(rule, `${why} ${outcome.call}: ${difference}.`, {
    expected: { record: compared(expected), version },
    returned: stored && { record: compared(stored.record), version: stored.version },
  });
}

/** Requires two records to be equal, as {@link recordDifference} defines it. */
export function expectSameRecord(
  rule: KeyStoreRule,
  why: string,
  expected: KeyRecord,
  actual: KeyRecord | undefined,
): void {
  const difference = recordDifference(expected, actual);
  if (difference === undefined) return;
  throw violation(rule, `${why}: ${difference}.`, { expected, returned: actual });
}
