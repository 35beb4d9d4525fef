import type { Result } from "neverthrow";
import type { AliasName, AliasRecord } from "../../domain/aliasRecord.js";
import type { BehaviourProfile } from "../../domain/behaviourProfile.js";
import type { KeyArn, KeyScope } from "../../domain/keyArn.js";
import type { KeyRecord } from "../../domain/keyRecord.js";
import type { KmsError } from "../../domain/kmsError.js";
import type {
  AliasPage,
  AliasPageRequest,
  KeyPage,
  KeyStore,
  PageRequest,
  StoredAlias,
  StoredKey,
  WriteConflict,
} from "../../ports/keyStore.js";
import { show, violation } from "./keyStoreViolation.js";

/** What one store call returned, and the call written out for error messages. */
export interface Outcome<T, E> {
  readonly call: string;
  readonly result: Result<T, E>;
}

/**
 * A {@link KeyStore} whose calls resolve to {@link Outcome}s. Each call is checked against the
 * "errors are values" rule: it must return a `ResultAsync`, without throwing, that does not reject.
 */
export interface CheckedStore {
  get(arn: KeyArn): Promise<Outcome<StoredKey | undefined, KmsError>>;
  put(
    record: KeyRecord,
    expectedVersion: number,
  ): Promise<Outcome<number, WriteConflict | KmsError>>;
  list(scope: KeyScope, page: PageRequest): Promise<Outcome<KeyPage, KmsError>>;
  removeDeletedKeys(now: Date): Promise<Outcome<number, KmsError>>;
  getAlias(
    scope: KeyScope,
    aliasName: AliasName,
  ): Promise<Outcome<StoredAlias | undefined, KmsError>>;
  putAlias(
    alias: AliasRecord,
    expectedVersion: number,
  ): Promise<Outcome<number, WriteConflict | KmsError>>;
  deleteAlias(
    scope: KeyScope,
    aliasName: AliasName,
    expectedVersion: number,
  ): Promise<Outcome<void, WriteConflict | KmsError>>;
  listAliases(
    scope: KeyScope,
    page: AliasPageRequest,
    now: Date,
  ): Promise<Outcome<AliasPage, KmsError>>;
  claimBehaviour(
    scope: KeyScope,
    proposed: BehaviourProfile,
  ): Promise<Outcome<BehaviourProfile, KmsError>>;
}

/** A Result as error messages show it: `{ ok: value }` or `{ err: error }`. */
export function shown({ result }: Outcome<unknown, unknown>): unknown {
  return result.isOk() ? { ok: result.value } : { err: result.error };
}

/** Wraps `store` so every call is checked and described; see {@link CheckedStore}. */
export function checkedStore(store: KeyStore): CheckedStore {
  return {
    get: (arn) => settle(`get(${show(arn)})`, () => store.get(arn)),
    put: (record, expectedVersion) =>
      settle(`put(<record of ${record.arn}>, ${expectedVersion})`, () =>
        store.put(record, expectedVersion),
      ),
    list: (scope, page) =>
      settle(`list(${show(scope)}, ${show(page)})`, () => store.list(scope, page)),
    removeDeletedKeys: (now) =>
      settle(`removeDeletedKeys(${show(now)})`, () => store.removeDeletedKeys(now)),
    getAlias: (scope, aliasName) =>
      settle(`getAlias(${show(scope)}, ${show(aliasName)})`, () =>
        store.getAlias(scope, aliasName),
      ),
    putAlias: (alias, expectedVersion) =>
      settle(
        `putAlias(<${alias.aliasName} of ${alias.accountId}/${alias.region}>, ${expectedVersion})`,
        () => store.putAlias(alias, expectedVersion),
      ),
    deleteAlias: (scope, aliasName, expectedVersion) =>
      settle(`deleteAlias(${show(scope)}, ${show(aliasName)}, ${expectedVersion})`, () =>
        store.deleteAlias(scope, aliasName, expectedVersion),
      ),
    listAliases: (scope, page, now) =>
      settle(`listAliases(${show(scope)}, ${show(page)}, ${show(now)})`, () =>
        store.listAliases(scope, page, now),
      ),
    claimBehaviour: (scope, proposed) =>
      settle(`claimBehaviour(${show(scope)}, ${show(proposed)})`, () =>
        store.claimBehaviour(scope, proposed),
      ),
  };
}

const resultAsyncMethods = ["then", "map", "mapErr", "andThen", "match"] as const;

async function settle<T, E>(
  call: string,
  start: () => PromiseLike<Result<T, E>>,
): Promise<Outcome<T, E>> {
  const rule = "errors are values";
  let pending: PromiseLike<Result<T, E>>;
  try {
    pending = start();
  } catch (thrown) {
    throw violation(rule, `${call} threw instead of returning a ResultAsync.`, { thrown });
  }
  const missing = resultAsyncMethods.filter((name) => typeof member(pending, name) !== "function");
  if (missing.length > 0) {
    throw violation(
      rule,
      `${call} did not return a neverthrow ResultAsync (no ${missing.join(", ")}).`,
      {
        returned: pending,
      },
    );
  }
  let result: Result<T, E>;
  try {
    result = await pending;
  } catch (rejection) {
    throw violation(rule, `${call} rejected instead of resolving to ok(…) or err(…).`, {
      rejection,
    });
  }
  if (
    typeof member(result, "isOk") !== "function" ||
    typeof member(result, "isErr") !== "function"
  ) {
    throw violation(rule, `${call} resolved to something that is not a neverthrow Result.`, {
      resolved: result,
    });
  }
  return { call, result };
}

function member(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null
    ? (value as Record<string, unknown>)[key]
    : undefined;
}
