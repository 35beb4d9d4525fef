import { errAsync, okAsync } from "neverthrow";
import type { KeyArn, KeyScope } from "../domain/keyArn.js";
import type { KeyRecord } from "../domain/keyRecord.js";
import { kmsError } from "../domain/kmsError.js";
import type { KeyStore, StoredKey } from "../ports/keyStore.js";

/**
 * A {@link KeyStore} in process memory: compare-and-set writes, pages in ARN order, and deep
 * copies in and out, so no caller can change a stored record by holding on to it.
 *
 * @example
 * ```ts
 * const kms = createKms({ store: memoryKeyStore() });
 * ```
 */
export function memoryKeyStore(): KeyStore {
  const rows = new Map<KeyArn, StoredKey>();
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
      // A marker is the ARN of the last key of a page this store handed out, so it names a stored key of this scope.
      const after = page.marker === undefined ? "" : decodeMarker(page.marker);
      const marked = after === undefined ? undefined : rows.get(after as KeyArn)?.record;
      if (
        after === undefined ||
        (page.marker !== undefined && (marked === undefined || !inScopeOf(marked, scope)))
      ) {
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
          ? { records, nextMarker: encodeMarker(last.arn) }
          : { records },
      );
    },
  };
}

function inScopeOf(record: KeyRecord, scope: KeyScope): boolean {
  return record.accountId === scope.accountId && record.region === scope.region;
}

function encodeMarker(arn: KeyArn): string {
  return Buffer.from(arn, "utf8").toString("base64url");
}

function decodeMarker(marker: string): string | undefined {
  const arn = Buffer.from(marker, "base64url").toString("utf8");
  return arn.startsWith("arn:") && encodeMarker(arn as KeyArn) === marker ? arn : undefined;
}
