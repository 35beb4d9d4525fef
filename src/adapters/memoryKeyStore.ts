import { randomBytes } from "node:crypto";
import { errAsync, okAsync } from "neverthrow";
import { type AliasName, type AliasRecord, aliasArn } from "../domain/aliasRecord.js";
import type { BehaviourProfile } from "../domain/behaviourProfile.js";
import { type KeyArn, keyArn, keyArnPrefix } from "../domain/keyArn.js";
import type { KeyRecord } from "../domain/keyRecord.js";
import { kmsError } from "../domain/kmsError.js";
import type { KeyStore, StoredAlias, StoredKey } from "../ports/keyStore.js";
import { aliasPagePurpose, pageMarkers } from "./pageMarkers.js";
import { plainCopy } from "./plainCopy.js";
import { sortedKeyIndex } from "./sortedKeyIndex.js";

const invalidMarker = () =>
  errAsync(
    kmsError("InvalidMarkerException", "The request was rejected because the marker is not valid."),
  );

/** Whether `record` is a key due for deletion at `now`: it no longer exists for the service. */
const isDue = (record: KeyRecord, now: Date) =>
  record.keyState === "PendingDeletion" && record.deletionDate.getTime() <= now.getTime();

/** The ARN of the key an alias points at. */
const targetOf = (alias: AliasRecord): KeyArn => keyArn(alias, alias.targetKeyId);

/**
 * A {@link KeyStore} in process memory: compare-and-set writes, pages in ARN (or alias name)
 * order, and deep copies in and out, so no caller can change a stored record or alias by
 * holding on to it. A page of keys costs time in proportion to the page, not to the number of
 * keys: the ARNs are kept in order beside the records. It keeps no audit trail, and everything is gone when the process ends:
 * `kms-byok/sql` keeps keys across restarts.
 *
 * @example
 * ```ts
 * const kms = createKms({ store: memoryKeyStore() });
 * ```
 */
export function memoryKeyStore(): KeyStore {
  const rows = new Map<KeyArn, StoredKey>();
  const arns = sortedKeyIndex();
  /** Aliases by alias ARN: one per name, account and Region. */
  const aliases = new Map<string, StoredAlias>();
  /** Behaviour profiles by `account/Region`. */
  const behaviours = new Map<string, BehaviourProfile>();
  const secret = randomBytes(32);
  const markers = pageMarkers(secret);
  const aliasMarkers = pageMarkers<AliasName>(secret, aliasPagePurpose);
  const copyOf = ({ alias, version }: StoredAlias): StoredAlias => ({
    alias: plainCopy(alias),
    version,
  });
  return {
    get: (arn) => {
      const row = rows.get(arn);
      return okAsync(
        row === undefined ? undefined : { record: plainCopy(row.record), version: row.version },
      );
    },
    put: (record, expectedVersion) => {
      const version = rows.get(record.arn)?.version ?? 0;
      if (version !== expectedVersion)
        return errAsync({ name: "WriteConflict", arn: record.arn } as const);
      if (version === 0) arns.add(record.arn);
      rows.set(record.arn, { record: plainCopy(record), version: version + 1 });
      return okAsync(version + 1);
    },
    list: (scope, page) => {
      const after = page.marker === undefined ? "" : markers.decode(scope, page.marker);
      if (after === undefined) return invalidMarker();
      // One more than the page, to know whether another page follows.
      const listed = arns.page(keyArnPrefix(scope), after, page.limit + 1);
      const records = listed.slice(0, page.limit).map((arn) => {
        const row = rows.get(arn);
        if (row === undefined) throw new Error(`The ARN index lists ${arn}, which has no record.`);
        return plainCopy(row.record);
      });
      const last = records.at(-1);
      return okAsync(
        listed.length > page.limit && last !== undefined
          ? { records, nextMarker: markers.encode(scope, last.arn) }
          : { records },
      );
    },
    removeDeletedKeys: (now) => {
      const removed = new Set<KeyArn>();
      for (const [arn, { record }] of rows) {
        if (isDue(record, now)) {
          rows.delete(arn);
          removed.add(arn);
        }
      }
      if (removed.size > 0) arns.remove(removed);
      if (removed.size > 0)
        for (const [arn, { alias }] of aliases)
          if (removed.has(targetOf(alias))) aliases.delete(arn);
      return okAsync(removed.size);
    },
    getAlias: (scope, aliasName) => {
      const row = aliases.get(aliasArn(scope, aliasName));
      return okAsync(row === undefined ? undefined : copyOf(row));
    },
    putAlias: (alias, expectedVersion) => {
      const arn = aliasArn(alias, alias.aliasName);
      const version = aliases.get(arn)?.version ?? 0;
      if (version !== expectedVersion) return errAsync({ name: "WriteConflict", arn } as const);
      aliases.set(arn, { alias: plainCopy(alias), version: version + 1 });
      return okAsync(version + 1);
    },
    deleteAlias: (scope, aliasName, expectedVersion) => {
      const arn = aliasArn(scope, aliasName);
      if (aliases.get(arn)?.version !== expectedVersion)
        return errAsync({ name: "WriteConflict", arn } as const);
      aliases.delete(arn);
      return okAsync(undefined);
    },
    listAliases: (scope, page, now) => {
      const after = page.marker === undefined ? "" : aliasMarkers.decode(scope, page.marker);
      if (after === undefined) return invalidMarker();
      const listed: AliasRecord[] = [];
      for (const { alias } of aliases.values()) {
        if (
          alias.accountId === scope.accountId &&
          alias.region === scope.region &&
          alias.aliasName > after &&
          (page.targetKeyId === undefined || alias.targetKeyId === page.targetKeyId)
        ) {
          const target = rows.get(targetOf(alias))?.record;
          if (target === undefined || !isDue(target, now)) listed.push(alias);
        }
      }
      listed.sort((a, b) => (a.aliasName < b.aliasName ? -1 : 1));
      const shown = listed.slice(0, page.limit).map((alias) => plainCopy(alias));
      const last = shown.at(-1);
      return okAsync(
        listed.length > page.limit && last !== undefined
          ? { aliases: shown, nextMarker: aliasMarkers.encode(scope, last.aliasName) }
          : { aliases: shown },
      );
    },
    claimBehaviour: (scope, proposed) => {
      const name = `${scope.accountId}/${scope.region}`;
      const stored = behaviours.get(name) ?? proposed;
      behaviours.set(name, stored);
      return okAsync(stored);
    },
  };
}
