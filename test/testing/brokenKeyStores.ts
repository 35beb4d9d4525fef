import { errAsync, okAsync, ResultAsync } from "neverthrow";
import { memoryKeyStore } from "../../src/adapters/memoryKeyStore.js";
import type { KeyArn, KeyScope } from "../../src/domain/keyArn.js";
import type { KeyRecord } from "../../src/domain/keyRecord.js";
import { kmsError } from "../../src/domain/kmsError.js";
import type { KeyStore, StoredKey } from "../../src/ports/keyStore.js";
import { deletedKeyRemover, type RemovalFlaw } from "./flawedRemoval.js";
import type { Rows } from "./rows.js";

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
  | RemovalFlaw;

const invalidMarker = () =>
  errAsync(
    kmsError("InvalidMarkerException", "The request was rejected because the marker is not valid."),
  );

/** A small in-memory store, right (it passes the contract) unless given flaws. */
export function flawedKeyStore(...flaws: Flaw[]): KeyStore {
  return keyStoreOver(new Map(), flaws);
}

/** A {@link flawedKeyStore} over `rows`: every instance over the same rows sees the others' writes. */
export function keyStoreOver(rows: Rows, flaws: readonly Flaw[] = []): KeyStore {
  const has = (flaw: Flaw) => flaws.includes(flaw);
  const hidden = new Set<string>(); // keys removeDeletedKeys only hid
  const handedOut = new Map<string, KeyScope>(); // markers, and the scope of each
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
    removeDeletedKeys: deletedKeyRemover(rows, hidden, has),
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
  };
}

/** Keeps records as JSON: Dates come back as strings and bytes as plain objects. */
export function jsonKeyStore(): KeyStore {
  const inner = memoryKeyStore();
  const viaJson = (record: KeyRecord): KeyRecord => JSON.parse(JSON.stringify(record));
  return {
    get: (arn) =>
      inner.get(arn).map((stored) => stored && { ...stored, record: viaJson(stored.record) }),
    put: (record, expectedVersion) => inner.put(viaJson(record), expectedVersion),
    list: (scope, page) =>
      inner.list(scope, page).map((p) => ({ ...p, records: p.records.map(viaJson) })),
    removeDeletedKeys: (now) => inner.removeDeletedKeys(now),
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
