import { errAsync, okAsync, ResultAsync } from "neverthrow";
import { memoryKeyStore } from "../../src/adapters/memoryKeyStore.js";
import { type AliasRecord, aliasArn } from "../../src/domain/aliasRecord.js";
import { type KeyArn, type KeyScope, keyArn } from "../../src/domain/keyArn.js";
import type { KeyRecord } from "../../src/domain/keyRecord.js";
import { kmsError } from "../../src/domain/kmsError.js";
import type { KeyStore, StoredAlias, StoredKey } from "../../src/ports/keyStore.js";
import { deletedKeyRemover, type RemovalFlaw } from "./flawedRemoval.js";
import { type AliasRows, aliasRowsOf, behaviourRowsOf, type Rows } from "./rows.js";

// Deliberately broken KeyStores, each with one bug the contract must catch.

/** A bug {@link flawedKeyStore} can have. */
export type Flaw =
  | "put ignores expectedVersion"
  | "put does not raise the version"
  | "put merges into the stored record"
  | "put keeps the caller's object"
  | "put cuts descriptions at 4000 characters"
  | "get returns the stored object"
  | "get ignores case"
  | "get answers version 0 for a key it does not hold"
  | "list returns the stored objects"
  | "list ignores the Region"
  | "list ignores the account"
  | "list accepts markers from any scope"
  | "list starts over on a marker it never handed out"
  | "list refuses a marker once its key has changed"
  | "list refuses the marker of a removed key"
  | "list repeats the last key of the previous page"
  | "list drops the last key of each page"
  | "list hands out a marker after the last key"
  | "list ignores the limit"
  | "list reverses each page"
  | AliasFlaw
  | BehaviourFlaw
  | RemovalFlaw;

/** A bug of the behaviour profiles of {@link flawedKeyStore}. */
export type BehaviourFlaw =
  | "claimBehaviour overwrites the stored profile"
  | "claimBehaviour ignores the Region"
  | "claimBehaviour stores nothing"
  | "claimBehaviour checks, then stores";

/** A bug of the aliases of {@link flawedKeyStore}. */
export type AliasFlaw =
  | "putAlias ignores expectedVersion"
  | "putAlias keeps the caller's object"
  | "deleteAlias ignores expectedVersion"
  | "getAlias returns the stored object"
  | "listAliases returns the stored objects"
  | "listAliases ignores the account"
  | "listAliases accepts markers from any scope"
  | "listAliases accepts the markers of list"
  | "listAliases starts over on a marker it never handed out"
  | "listAliases refuses the marker of a deleted alias"
  | "listAliases drops the last alias of each page"
  | "listAliases sorts names ignoring case"
  | "listAliases ignores targetKeyId"
  | "listAliases ignores now"
  | "listAliases looks up the key by key ID in any account"
  | "removeDeletedKeys keeps aliases";

const invalidMarker = () =>
  errAsync(
    kmsError("InvalidMarkerException", "The request was rejected because the marker is not valid."),
  );

/** A small in-memory store, right (it passes the contract) unless given flaws. */
export function flawedKeyStore(...flaws: Flaw[]): KeyStore {
  return keyStoreOver(new Map(), flaws);
}

/**
 * A {@link flawedKeyStore} over `rows` and `aliasRows` (by default the aliases kept with
 * `rows`): every instance over the same rows sees the others' writes.
 */
export function keyStoreOver(
  rows: Rows,
  flaws: readonly Flaw[] = [],
  aliasRows: AliasRows = aliasRowsOf(rows),
): KeyStore {
  const has = (flaw: Flaw) => flaws.includes(flaw);
  const hidden = new Set<string>(); // keys removeDeletedKeys only hid
  const handedOut = new Map<string, KeyScope>(); // markers, and the scope of each
  const removeKeys = deletedKeyRemover(rows, hidden, has);
  const copy = <T>(value: T, keep: Flaw): T => (has(keep) ? value : structuredClone(value));
  const key = (arn: string) => (has("get ignores case") ? arn.toLowerCase() : arn);
  const inScope = (where: KeyScope, scope: KeyScope) =>
    (has("list ignores the account") || where.accountId === scope.accountId) &&
    (has("list ignores the Region") || where.region === scope.region);
  // A marker is "m:" and the ARN of the last key listed (and its version, for one flaw).
  const markerOf = ({ arn }: KeyRecord, scope: KeyScope) => {
    const marker = has("list refuses a marker once its key has changed")
      ? `m:${arn}#${rows.get(arn)?.version}`
      : `m:${arn}`;
    handedOut.set(marker, scope);
    return marker;
  };
  const isValid = (marker: string, scope: KeyScope) => {
    const [arn = "", version] = marker.slice(2).split("#");
    const marked = rows.get(arn);
    const issued = handedOut.get(marker);
    return (
      issued !== undefined &&
      (has("list accepts markers from any scope") || inScope(issued, scope)) &&
      (marked !== undefined || !has("list refuses the marker of a removed key")) &&
      (version === undefined || version === String(marked?.version))
    );
  };
  return {
    get: (arn) => {
      const stored = hidden.has(key(arn)) ? undefined : rows.get(key(arn));
      if (stored === undefined && has("get answers version 0 for a key it does not hold"))
        return okAsync({ version: 0 } as StoredKey);
      return okAsync(copy(stored, "get returns the stored object"));
    },
    put: (record, expectedVersion) => {
      const stored = rows.get(record.arn);
      const version = stored?.version ?? 0;
      if (version !== expectedVersion && !has("put ignores expectedVersion"))
        return errAsync({ name: "WriteConflict", arn: record.arn } as const);
      const merged = has("put merges into the stored record")
        ? { ...stored?.record, ...record }
        : record;
      const cut = has("put cuts descriptions at 4000 characters")
        ? { ...merged, description: merged.description.slice(0, 4000) }
        : merged;
      const next = has("put does not raise the version") ? Math.max(version, 1) : version + 1;
      rows.set(record.arn, { record: copy(cut, "put keeps the caller's object"), version: next });
      hidden.delete(record.arn);
      return okAsync(next);
    },
    list: (scope, { limit, marker }) => {
      const valid = marker === undefined || isValid(marker, scope);
      if (!valid && !has("list starts over on a marker it never handed out"))
        return invalidMarker();
      const from = valid && marker !== undefined ? (marker.slice(2).split("#")[0] ?? "") : "";
      const following = [...rows.values()]
        .map(({ record }) => record)
        .filter((record) => inScope(record, scope) && !hidden.has(record.arn))
        .filter((record) =>
          has("list repeats the last key of the previous page")
            ? record.arn >= from
            : record.arn > from,
        )
        .sort((a, b) => (a.arn < b.arn ? -1 : 1));
      const size = has("list ignores the limit") ? following.length : limit;
      const records = following
        .slice(0, size)
        .map((record) => copy(record, "list returns the stored objects"));
      const last = records.at(-1);
      const more = has("list hands out a marker after the last key")
        ? records.length === size
        : following.length > size;
      if (more && has("list drops the last key of each page")) records.pop();
      if (has("list reverses each page")) records.reverse();
      return okAsync(
        more && last !== undefined ? { records, nextMarker: markerOf(last, scope) } : { records },
      );
    },
    removeDeletedKeys: (now) => {
      const before = [...rows.keys()].filter((arn) => !hidden.has(arn));
      return removeKeys(now).map((removed) => {
        const gone = new Set(before.filter((arn) => !rows.has(arn) || hidden.has(arn)));
        if (!has("removeDeletedKeys keeps aliases"))
          for (const [arn, { alias }] of aliasRows)
            if (gone.has(keyArn(alias, alias.targetKeyId))) aliasRows.delete(arn);
        return removed;
      });
    },
    ...aliasesOver(rows, hidden, aliasRows, handedOut, has),
    claimBehaviour: (scope, proposed) => {
      const behaviours = behaviourRowsOf(rows);
      const name = has("claimBehaviour ignores the Region")
        ? scope.accountId
        : `${scope.accountId}/${scope.region}`;
      const stored = behaviours.get(name);
      const claimed = has("claimBehaviour overwrites the stored profile")
        ? proposed
        : (stored ?? proposed);
      if (has("claimBehaviour checks, then stores"))
        return ResultAsync.fromSafePromise(new Promise((resolve) => setTimeout(resolve, 1))).map(
          () => {
            behaviours.set(name, claimed);
            return claimed;
          },
        );
      if (!has("claimBehaviour stores nothing")) behaviours.set(name, claimed);
      return okAsync(claimed);
    },
  };
}

/** The alias methods of {@link keyStoreOver}. */
function aliasesOver(
  rows: Rows,
  hidden: ReadonlySet<string>,
  aliasRows: AliasRows,
  handedOut: Map<string, KeyScope>,
  has: (flaw: Flaw) => boolean,
): Pick<KeyStore, "getAlias" | "putAlias" | "deleteAlias" | "listAliases"> {
  const copy = <T>(value: T, keep: Flaw): T => (has(keep) ? value : structuredClone(value));
  const inScope = (alias: AliasRecord, scope: KeyScope) =>
    (has("listAliases ignores the account") || alias.accountId === scope.accountId) &&
    alias.region === scope.region;
  // A marker is "a:" and the name of the last alias listed.
  const isValid = (marker: string, scope: KeyScope) => {
    const issued = handedOut.get(marker);
    return (
      issued !== undefined &&
      (marker.startsWith("a:") || has("listAliases accepts the markers of list")) &&
      (has("listAliases accepts markers from any scope") ||
        (issued.accountId === scope.accountId && issued.region === scope.region)) &&
      (!has("listAliases refuses the marker of a deleted alias") ||
        aliasRows.has(aliasArn(scope, marker.slice(2) as AliasRecord["aliasName"])))
    );
  };
  const compare = (a: string, b: string) =>
    has("listAliases sorts names ignoring case") && a.toLowerCase() !== b.toLowerCase()
      ? a.toLowerCase() < b.toLowerCase()
        ? -1
        : 1
      : a < b
        ? -1
        : a > b
          ? 1
          : 0;
  const isDue = (record: KeyRecord | undefined, now: Date) =>
    record?.keyState === "PendingDeletion" && record.deletionDate.getTime() <= now.getTime();
  const keyIsGone = (alias: AliasRecord, now: Date) => {
    if (has("listAliases ignores now")) return false;
    if (has("listAliases looks up the key by key ID in any account"))
      return [...rows.values()].some(
        ({ record }) => record.keyId === alias.targetKeyId && isDue(record, now),
      );
    const arn = keyArn(alias, alias.targetKeyId);
    return !hidden.has(arn) && isDue(rows.get(arn)?.record, now);
  };
  return {
    getAlias: (scope, aliasName) =>
      okAsync(
        copy(aliasRows.get(aliasArn(scope, aliasName)), "getAlias returns the stored object"),
      ),
    putAlias: (alias, expectedVersion) => {
      const arn = aliasArn(alias, alias.aliasName);
      const version = aliasRows.get(arn)?.version ?? 0;
      if (version !== expectedVersion && !has("putAlias ignores expectedVersion"))
        return errAsync({ name: "WriteConflict", arn } as const);
      const stored: StoredAlias = {
        alias: copy(alias, "putAlias keeps the caller's object"),
        version: version + 1,
      };
      aliasRows.set(arn, stored);
      return okAsync(version + 1);
    },
    deleteAlias: (scope, aliasName, expectedVersion) => {
      const arn = aliasArn(scope, aliasName);
      if (
        aliasRows.get(arn)?.version !== expectedVersion &&
        !has("deleteAlias ignores expectedVersion")
      )
        return errAsync({ name: "WriteConflict", arn } as const);
      aliasRows.delete(arn);
      return okAsync(undefined);
    },
    listAliases: (scope, { limit, marker, targetKeyId }, now) => {
      const valid = marker === undefined || isValid(marker, scope);
      if (!valid && !has("listAliases starts over on a marker it never handed out"))
        return invalidMarker();
      const from = valid && marker !== undefined ? marker.slice(2) : "";
      const following = [...aliasRows.values()]
        .map(({ alias }) => alias)
        .filter((alias) => inScope(alias, scope) && compare(alias.aliasName, from) > 0)
        .filter(
          (alias) =>
            targetKeyId === undefined ||
            has("listAliases ignores targetKeyId") ||
            alias.targetKeyId === targetKeyId,
        )
        .filter((alias) => !keyIsGone(alias, now))
        .sort((a, b) => compare(a.aliasName, b.aliasName));
      const aliases = following
        .slice(0, limit)
        .map((alias) => copy(alias, "listAliases returns the stored objects"));
      const last = aliases.at(-1);
      const more = following.length > limit;
      if (more && has("listAliases drops the last alias of each page")) aliases.pop();
      if (!more || last === undefined) return okAsync({ aliases });
      const nextMarker = `a:${last.aliasName}`;
      handedOut.set(nextMarker, scope);
      return okAsync({ aliases, nextMarker });
    },
  };
}

/** Checks the version with one call and writes with another: two racing writers both win. */
export function checkThenActKeyStore(): KeyStore {
  const inner = memoryKeyStore();
  return {
    ...inner,
    put: (record, expectedVersion) =>
      inner
        .get(record.arn)
        .andThen((stored) =>
          (stored?.version ?? 0) !== expectedVersion
            ? errAsync({ name: "WriteConflict", arn: record.arn } as const)
            : ResultAsync.fromSafePromise(new Promise((resolve) => setTimeout(resolve, 1))).andThen(
                () => inner.get(record.arn).andThen((now) => inner.put(record, now?.version ?? 0)),
              ),
        ),
    putAlias: (alias, expectedVersion) =>
      inner
        .getAlias(alias, alias.aliasName)
        .andThen((stored) =>
          (stored?.version ?? 0) !== expectedVersion
            ? errAsync({ name: "WriteConflict", arn: aliasArn(alias, alias.aliasName) } as const)
            : ResultAsync.fromSafePromise(new Promise((resolve) => setTimeout(resolve, 1))).andThen(
                () =>
                  inner
                    .getAlias(alias, alias.aliasName)
                    .andThen((now) => inner.putAlias(alias, now?.version ?? 0)),
              ),
        ),
  };
}

/** Keeps records and aliases as JSON: Dates come back as strings and bytes as plain objects. */
export function jsonKeyStore(): KeyStore {
  const inner = memoryKeyStore();
  const viaJson = <T>(value: T): T => JSON.parse(JSON.stringify(value));
  return {
    get: (arn) =>
      inner.get(arn).map((stored) => stored && { ...stored, record: viaJson(stored.record) }),
    put: (record, expectedVersion) => inner.put(viaJson(record), expectedVersion),
    list: (scope, page) =>
      inner.list(scope, page).map((p) => ({ ...p, records: p.records.map(viaJson) })),
    removeDeletedKeys: (now) => inner.removeDeletedKeys(now),
    getAlias: (scope, aliasName) =>
      inner
        .getAlias(scope, aliasName)
        .map((stored) => stored && { ...stored, alias: viaJson(stored.alias) }),
    putAlias: (alias, expectedVersion) => inner.putAlias(viaJson(alias), expectedVersion),
    deleteAlias: (scope, aliasName, expectedVersion) =>
      inner.deleteAlias(scope, aliasName, expectedVersion),
    listAliases: (scope, page, now) =>
      inner.listAliases(scope, page, now).map((p) => ({ ...p, aliases: p.aliases.map(viaJson) })),
    claimBehaviour: (scope, proposed) => inner.claimBehaviour(scope, proposed),
  };
}

/** Saves the whole buffer behind `material.sealed`, not just the bytes of the view. */
export function wholeBufferKeyStore(): KeyStore {
  const inner = memoryKeyStore();
  return {
    ...inner,
    put: (record, expectedVersion) => {
      const material = record.keyState === "PendingImport" ? undefined : record.material;
      const whole = material && { ...material, sealed: new Uint8Array(material.sealed.buffer) };
      return inner.put(
        whole ? ({ ...record, material: whole } as KeyRecord) : record,
        expectedVersion,
      );
    },
  };
}

/** Throws from `get` for something that is not an ARN, instead of answering. */
export function throwingKeyStore(): KeyStore {
  const inner = memoryKeyStore();
  return {
    ...inner,
    get: (arn: KeyArn) => {
      if (!arn.startsWith("arn:")) throw new TypeError(`not an ARN: ${arn}`);
      return inner.get(arn);
    },
  };
}

/** Rejects the promise of `list` for a bad marker, instead of resolving to `err`. */
export function rejectingKeyStore(): KeyStore {
  const inner = memoryKeyStore();
  return {
    ...inner,
    list: (scope, page) =>
      new ResultAsync(
        Promise.resolve(inner.list(scope, page)).then((result) => {
          if (result.isErr()) throw new Error(result.error.message);
          return result;
        }),
      ),
  };
}

/** Returns plain promises of Results from `put`, not `ResultAsync`. */
export function promiseKeyStore(): KeyStore {
  const inner = memoryKeyStore();
  const put = async (record: KeyRecord, expectedVersion: number) =>
    inner.put(record, expectedVersion);
  return { ...inner, put: put as unknown as KeyStore["put"] };
}
