import type { KeyArn } from "../../src/domain/keyArn.js";
import type { KeyStore } from "../../src/ports/keyStore.js";

/** One call of `put` and how it ended. */
export interface RecordedPut {
  readonly arn: KeyArn;
  readonly expectedVersion: number;
  /** `ok`, or the name of the error the store returned. */
  readonly outcome: string;
}

/** A {@link KeyStore} that passes every call to `inner` and records each `put`. */
export interface RecordingKeyStore {
  /** The store to give the KMS. */
  readonly store: KeyStore;
  /** The wrapped store, for reads that must not be recorded. */
  readonly inner: KeyStore;
  /** Every ARN a `put` named, in first-seen order. */
  readonly arns: ReadonlySet<KeyArn>;
  /** The `put` calls since the last {@link RecordingKeyStore.clear}. */
  readonly puts: readonly RecordedPut[];
  /** Forgets the recorded `put` calls (not the ARNs). */
  clear(): void;
}

/** Wraps `inner` so a test can see which writes an operation made. */
export function recordingKeyStore(inner: KeyStore): RecordingKeyStore {
  const arns = new Set<KeyArn>();
  let puts: RecordedPut[] = [];
  const store: KeyStore = {
    get: (arn) => inner.get(arn),
    list: (scope, page) => inner.list(scope, page),
    removeDeletedKeys: (now) => inner.removeDeletedKeys(now),
    getAlias: (scope, aliasName) => inner.getAlias(scope, aliasName),
    putAlias: (alias, expectedVersion) => inner.putAlias(alias, expectedVersion),
    deleteAlias: (scope, aliasName, expectedVersion) =>
      inner.deleteAlias(scope, aliasName, expectedVersion),
    listAliases: (scope, page, now) => inner.listAliases(scope, page, now),
    claimBehaviour: (scope, proposed) => inner.claimBehaviour(scope, proposed),
    put: (record, expectedVersion) => {
      arns.add(record.arn);
      return inner
        .put(record, expectedVersion)
        .map((version) => {
          puts.push({ arn: record.arn, expectedVersion, outcome: "ok" });
          return version;
        })
        .mapErr((error) => {
          puts.push({ arn: record.arn, expectedVersion, outcome: error.name });
          return error;
        });
    },
  };
  return {
    store,
    inner,
    arns,
    get puts() {
      return puts;
    },
    clear: () => {
      puts = [];
    },
  };
}
