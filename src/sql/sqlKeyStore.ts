import type { Kysely } from "kysely";
import { err, ok, type Result, ResultAsync } from "neverthrow";
import { aliasPagePurpose, pageMarkers } from "../adapters/pageMarkers.js";
import { type AliasName, type AliasRecord, aliasArn } from "../domain/aliasRecord.js";
import { isBehaviourProfile } from "../domain/behaviourProfile.js";
import { type KeyArn, type KeyScope, keyArn } from "../domain/keyArn.js";
import type { KeyEvent } from "../domain/keyEvent.js";
import type { KeyRecord } from "../domain/keyRecord.js";
import { type KmsError, kmsError } from "../domain/kmsError.js";
import type { KeyStore, WriteConflict } from "../ports/keyStore.js";
import { decodeAliasRow, targetKeyArnOf } from "./aliasRowCodec.js";
import { decodeKeyEvent, encodeKeyEvent } from "./keyEventCodec.js";
import { decodeKeyRecord, deletionDateOf, encodeKeyRecord } from "./keyRecordCodec.js";
import type { KmsDatabase } from "./kmsDatabase.js";
import { type AliasRow, kmsStatements } from "./kmsStatements.js";
import type { SqlEngine } from "./sqlEngine.js";
import { causeOf } from "./sqlStoreOpenError.js";

/** Which audit events {@link SqlKeyStore.events} returns. */
export interface EventQuery {
  /** Only the events of this key; every key's when absent. */
  readonly keyArn?: KeyArn;
}

/**
 * A {@link KeyStore} in a SQL database (SQLite or PostgreSQL) that also keeps the audit trail:
 * each write's events are written in the same transaction as the key. Aliases live in a table
 * of their own (`kms_aliases`), and removing a due key removes its aliases in the same
 * transaction.
 */
export interface SqlKeyStore extends KeyStore {
  /** "SQLite" or "PostgreSQL". */
  readonly engine: string;
  /** Where the data lives: the file, or the URL with its password replaced by `***`. */
  readonly location: string;
  /** The audit trail, oldest event first (by event time, then key and write). */
  events(query?: EventQuery): ResultAsync<readonly KeyEvent[], KmsError>;
  /**
   * Stores `sealed` as the database's root key canary unless it already has one, and returns
   * the canary it has: see `checkRootKey`.
   */
  keepRootKeyCanary(sealed: Uint8Array): ResultAsync<Uint8Array, KmsError>;
  /** Closes the connections; the store answers no call after. */
  close(): Promise<void>;
}

const canaryName = "root-key-canary";

const databases = new WeakMap<SqlKeyStore, Kysely<KmsDatabase>>();

/** The database under a store `sqlKeyStore` made, for copying between stores. */
export function databaseOf(store: SqlKeyStore): Kysely<KmsDatabase> | undefined {
  return databases.get(store);
}

/** The store over `db`, whose schema `migrateKmsDatabase` has brought up to date. */
export function sqlKeyStore(
  db: Kysely<KmsDatabase>,
  engine: SqlEngine,
  markerSecret: Uint8Array,
): SqlKeyStore {
  const markers = pageMarkers(markerSecret);
  const aliasMarkers = pageMarkers<AliasName>(markerSecret, aliasPagePurpose);
  const statements = kmsStatements(db);
  const failed = (what: string, error: unknown): KmsError =>
    engine.kindOf(error) === "internal"
      ? kmsError(
          "KMSInternalException",
          `The ${engine.name} key store failed to ${what}: ${causeOf(error)}`,
        )
      : kmsError(
          "DependencyTimeoutException",
          `The ${engine.name} key store at ${engine.location} did not answer (${causeOf(error)}); retry the request.`,
        );
  const run = <T, E>(what: string, body: () => Promise<Result<T, E | KmsError>>) =>
    new ResultAsync<T, E | KmsError>(body().catch((error: unknown) => err(failed(what, error))));
  const unreadable = (arn: string, why: string) =>
    kmsError("KMSInternalException", `The stored record of key '${arn}' is unreadable: ${why}.`);
  const invalidMarker = () =>
    err(
      kmsError(
        "InvalidMarkerException",
        "The request was rejected because the marker is not valid.",
      ),
    );
  const readAlias = (scope: KeyScope, row: AliasRow) =>
    decodeAliasRow(scope, row).mapErr((why) =>
      kmsError(
        "KMSInternalException",
        `The stored alias '${aliasArn(scope, row.alias_name as AliasName)}' is unreadable: ${why}.`,
      ),
    );

  const store: SqlKeyStore = {
    engine: engine.name,
    location: engine.location,
    get: (arn) =>
      run(`read ${arn}`, async () => {
        const [row] = (await statements.selectKey(db, arn)).rows;
        if (row === undefined) return ok(undefined);
        return decodeKeyRecord(row.record, arn)
          .map((record) => ({ record, version: row.version }))
          .mapErr((why) => unreadable(arn, why));
      }),
    put: (record, expectedVersion, events = []) =>
      run<number, WriteConflict>(`write ${record.arn}`, async () => {
        const version = expectedVersion + 1;
        const write = async (q: Kysely<KmsDatabase>): Promise<Result<number, WriteConflict>> => {
          const deletionDate = deletionDateOf(record);
          const text = encodeKeyRecord(record);
          const { numAffectedRows: changed = 0n } =
            expectedVersion === 0
              ? await statements.insertKey(
                  q,
                  record.arn,
                  record.accountId,
                  record.region,
                  version,
                  deletionDate,
                  text,
                )
              : await statements.updateKey(
                  q,
                  version,
                  deletionDate,
                  text,
                  record.arn,
                  expectedVersion,
                );
          if (changed === 0n) return err({ name: "WriteConflict", arn: record.arn });
          if (events.length > 0) {
            await q
              .insertInto("kms_events")
              .values(
                events.map((event, ordinal) => ({
                  key_arn: record.arn,
                  key_version: version,
                  ordinal,
                  event_time: event.eventTime.toISOString(),
                  event: encodeKeyEvent(event),
                })),
              )
              .execute();
          }
          return ok(version);
        };
        return events.length === 0 ? write(db) : db.transaction().execute(write);
      }),
    list: (scope, page) =>
      run("list keys", async () => {
        const after = page.marker === undefined ? "" : markers.decode(scope, page.marker);
        if (after === undefined) return invalidMarker();
        const { rows } = await statements.selectPage(
          db,
          scope.accountId,
          scope.region,
          after,
          page.limit + 1,
        );
        const records: KeyRecord[] = [];
        const unreadableArns: KeyArn[] = [];
        const listed = rows.slice(0, page.limit);
        for (const row of listed) {
          const record = decodeKeyRecord(row.record, row.arn as KeyArn);
          if (record.isOk()) records.push(record.value);
          else unreadableArns.push(row.arn as KeyArn);
        }
        const last = listed.at(-1);
        return ok({
          records,
          ...(unreadableArns.length > 0 ? { unreadable: unreadableArns } : {}),
          ...(rows.length > page.limit && last !== undefined
            ? { nextMarker: markers.encode(scope, last.arn as KeyArn) }
            : {}),
        });
      }),
    removeDeletedKeys: (now) =>
      run("remove deleted keys", async () => {
        const instant = now.toISOString();
        const removed = await db.transaction().execute(async (q) => {
          await statements.deleteAliasesOfDueKeys(q, instant);
          return statements.deleteDueKeys(q, instant);
        });
        return ok(Number(removed.numAffectedRows ?? 0n));
      }),
    getAlias: (scope, aliasName) =>
      run(`read ${aliasArn(scope, aliasName)}`, async () => {
        const [row] = (await statements.selectAlias(db, scope.accountId, scope.region, aliasName))
          .rows;
        if (row === undefined) return ok(undefined);
        return readAlias(scope, row).map((alias) => ({ alias, version: row.version }));
      }),
    putAlias: (alias, expectedVersion) => {
      const arn = aliasArn(alias, alias.aliasName);
      return run<number, WriteConflict>(`write ${arn}`, async () => {
        const version = expectedVersion + 1;
        const target = targetKeyArnOf(alias);
        const created = alias.creationDate.toISOString();
        const updated = alias.lastUpdatedDate.toISOString();
        const { numAffectedRows: changed = 0n } =
          expectedVersion === 0
            ? await statements.insertAlias(
                db,
                alias.accountId,
                alias.region,
                alias.aliasName,
                target,
                version,
                created,
                updated,
              )
            : await statements.updateAlias(
                db,
                target,
                version,
                created,
                updated,
                alias.accountId,
                alias.region,
                alias.aliasName,
                expectedVersion,
              );
        return changed === 0n ? err({ name: "WriteConflict", arn }) : ok(version);
      });
    },
    deleteAlias: (scope, aliasName, expectedVersion) => {
      const arn = aliasArn(scope, aliasName);
      return run<void, WriteConflict>(`delete ${arn}`, async () => {
        const { numAffectedRows: changed = 0n } = await statements.deleteAlias(
          db,
          scope.accountId,
          scope.region,
          aliasName,
          expectedVersion,
        );
        return changed === 0n ? err({ name: "WriteConflict", arn }) : ok(undefined);
      });
    },
    listAliases: (scope, page, now) =>
      run("list aliases", async () => {
        const after = page.marker === undefined ? "" : aliasMarkers.decode(scope, page.marker);
        if (after === undefined) return invalidMarker();
        const { accountId, region } = scope;
        const instant = now.toISOString();
        const { rows } =
          page.targetKeyId === undefined
            ? await statements.selectAliasPage(
                db,
                accountId,
                region,
                after,
                instant,
                page.limit + 1,
              )
            : await statements.selectAliasPageOfKey(
                db,
                accountId,
                region,
                after,
                keyArn(scope, page.targetKeyId),
                instant,
                page.limit + 1,
              );
        const aliases: AliasRecord[] = [];
        for (const row of rows.slice(0, page.limit)) {
          const alias = readAlias(scope, row);
          if (alias.isErr()) return err(alias.error);
          aliases.push(alias.value);
        }
        const last = aliases.at(-1);
        return ok(
          rows.length > page.limit && last !== undefined
            ? { aliases, nextMarker: aliasMarkers.encode(scope, last.aliasName) }
            : { aliases },
        );
      }),
    claimBehaviour: (scope, proposed) =>
      run(`read the behaviour profile of ${scope.accountId}/${scope.region}`, async () => {
        const { accountId, region } = scope;
        await db
          .insertInto("kms_scopes")
          .values({ account_id: accountId, region, behaviour: proposed })
          .onConflict((conflict) => conflict.columns(["account_id", "region"]).doNothing())
          .execute();
        const { behaviour } = await db
          .selectFrom("kms_scopes")
          .select("behaviour")
          .where("account_id", "=", accountId)
          .where("region", "=", region)
          .executeTakeFirstOrThrow();
        return isBehaviourProfile(behaviour)
          ? ok(behaviour)
          : err(
              kmsError(
                "KMSInternalException",
                `The stored behaviour profile of ${accountId}/${region} is unreadable: '${behaviour}' is neither classic nor current.`,
              ),
            );
      }),
    events: (query = {}) =>
      run("read the audit trail", async () => {
        let select = db.selectFrom("kms_events").select(["key_arn", "event"]);
        if (query.keyArn !== undefined) select = select.where("key_arn", "=", query.keyArn);
        const rows = await select
          .orderBy("event_time")
          .orderBy("key_arn")
          .orderBy("key_version")
          .orderBy("ordinal")
          .execute();
        const events: KeyEvent[] = [];
        for (const row of rows) {
          const event = decodeKeyEvent(row.event);
          if (event.isErr())
            return err(
              kmsError(
                "KMSInternalException",
                `An audit event of key '${row.key_arn}' is unreadable: ${event.error}.`,
              ),
            );
          events.push(event.value);
        }
        return ok(events);
      }),
    keepRootKeyCanary: (sealed) =>
      run("keep the root key canary", async () => {
        await db
          .insertInto("kms_meta")
          .values({ name: canaryName, value: Buffer.from(sealed).toString("base64") })
          .onConflict((conflict) => conflict.column("name").doNothing())
          .execute();
        const row = await db
          .selectFrom("kms_meta")
          .select("value")
          .where("name", "=", canaryName)
          .executeTakeFirstOrThrow();
        return ok(new Uint8Array(Buffer.from(row.value, "base64")));
      }),
    close: () => db.destroy(),
  };
  databases.set(store, db);
  return store;
}
