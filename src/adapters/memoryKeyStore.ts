import { randomBytes } from "node:crypto";
import { errAsync, okAsync } from "neverthrow";
import type { KeyArn } from "../domain/keyArn.js";
import type { KeyRecord } from "../domain/keyRecord.js";
import { kmsError } from "../domain/kmsError.js";
import type { KeyStore, StoredKey } from "../ports/keyStore.js";
import { pageMarkers } from "./pageMarkers.js";

/**
 * A {@link KeyStore} in process memory: compare-and-set writes, pages in ARN order, and deep
 * copies in and out, so no caller can change a stored record by holding on to it. It keeps no
 * audit trail, and everything is gone when the process ends: `kms-byok/sql` keeps keys across
 * restarts.
 *
 * @example
 * ```ts
 * const kms = createKms({ store: memoryKeyStore() });
 * ```
 */
export function memoryKeyStore(): KeyStore {
  const rows = new Map<KeyArn, StoredKey>();
  const markers = pageMarkers(randomBytes(32));
  return {
    get: (arn) => {
      const row = rows.get(arn);
      return okAsync(
        row === undefined
          ? undefined
          : { record: structuredClone(row.record), version: row.version },
      );
    },
    put: (record, expectedVersion) => {
      const version = rows.get(record.arn)?.version ?? 0;
      if (version !== expectedVersion)
        return errAsync({ name: "WriteConflict", arn: record.arn } as const);
      rows.set(record.arn, { record: structuredClone(record), version: version + 1 });
      return okAsync(version + 1);
    },
    list: (scope, page) => {
      const after = page.marker === undefined ? "" : markers.decode(scope, page.marker);
      if (after === undefined) {
        return errAsync(
          kmsError(
            "InvalidMarkerException",
            "The request was rejected because the marker is not valid.",
          ),
        );
      }
      const inScope: KeyRecord[] = [];
      for (const { record } of rows.values()) {
        if (
          record.accountId === scope.accountId &&
          record.region === scope.region &&
          record.arn > after
        ) {
          inScope.push(record);
        }
      }
      inScope.sort((a, b) => (a.arn < b.arn ? -1 : 1));
      const records = inScope.slice(0, page.limit).map((record) => structuredClone(record));
      const last = records.at(-1);
      return okAsync(
        inScope.length > page.limit && last !== undefined
          ? { records, nextMarker: markers.encode(scope, last.arn) }
          : { records },
      );
    },
    removeDeletedKeys: (now) => {
      let removed = 0;
      for (const [arn, { record }] of rows) {
        if (
          record.keyState === "PendingDeletion" &&
          record.deletionDate.getTime() <= now.getTime()
        ) {
          rows.delete(arn);
          removed += 1;
        }
      }
      return okAsync(removed);
    },
  };
}
