import type { Kysely } from "kysely";
import { err, errAsync, ok, ResultAsync } from "neverthrow";
import type { KeyArn } from "../domain/keyArn.js";
import { type KmsError, kmsError } from "../domain/kmsError.js";
import { decodeAliasRow } from "./aliasRowCodec.js";
import { decodeKeyRecord } from "./keyRecordCodec.js";
import type { KmsDatabase } from "./kmsDatabase.js";
import { databaseOf, type SqlKeyStore } from "./sqlKeyStore.js";
import { causeOf } from "./sqlStoreOpenError.js";

/** How much {@link copyKeys} copied. */
export interface CopiedKeys {
  readonly keys: number;
  readonly aliases: number;
  readonly events: number;
}

/** The store to copy into already holds keys (or aliases). */
export interface TargetNotEmpty {
  readonly name: "TargetNotEmpty";
  readonly message: string;
}

const batch = 500;

/**
 * Copies every key (record and version), every alias (and its version), every audit event and
 * the behaviour profile of every account and Region of `from` into `to`, in one transaction of
 * `to`: all of it or, on any error, nothing. `to` must hold no key and no alias yet, nor another
 * profile for an account and Region `from` has, and both must use the same root key (check each with
 * `checkRootKey` first), since records are copied sealed. Every record and alias is decoded on
 * the way, so a corrupt one stops the copy.
 *
 * Errors: `TargetNotEmpty`; `KMSInternalException` for a record that does not decode or a
 * store `openSqliteKeyStore`/`openPostgresKeyStore` did not make; `DependencyTimeoutException`
 * and others as the stores report them.
 *
 * @example
 * ```ts
 * const copied = await copyKeys(sqliteStore, postgresStore);
 * if (copied.isOk()) console.log(`${copied.value.keys} keys copied`);
 * ```
 */
export function copyKeys(
  from: SqlKeyStore,
  to: SqlKeyStore,
): ResultAsync<CopiedKeys, TargetNotEmpty | KmsError> {
  const source = databaseOf(from);
  const target = databaseOf(to);
  if (source === undefined || target === undefined)
    return errAsync(
      kmsError("KMSInternalException", "copyKeys copies between stores of kms-byok/sql only."),
    );
  return new ResultAsync(
    target
      .transaction()
      .execute((into) => copyInto(source, into, to.location))
      .then((copied) => ok<CopiedKeys, TargetNotEmpty | KmsError>(copied))
      .catch((error: unknown) =>
        err(
          error instanceof CopyRefused
            ? error.reason
            : kmsError("KMSInternalException", `Copying the keys failed: ${causeOf(error)}`),
        ),
      ),
  );
}

/** Thrown inside the transaction, so that it rolls back, and turned into its `reason`. */
class CopyRefused extends Error {
  constructor(readonly reason: TargetNotEmpty | KmsError) {
    super(reason.message);
  }
}

async function copyInto(
  source: Kysely<KmsDatabase>,
  into: Kysely<KmsDatabase>,
  location: string,
): Promise<CopiedKeys> {
  const present = await into.selectFrom("kms_keys").select("arn").limit(1).execute();
  if (present.length > 0)
    throw new CopyRefused({
      name: "TargetNotEmpty",
      message: `${location} already holds keys; copy into a store that holds none.`,
    });
  const named = await into.selectFrom("kms_aliases").select("alias_name").limit(1).execute();
  if (named.length > 0)
    throw new CopyRefused({
      name: "TargetNotEmpty",
      message: `${location} already holds aliases; copy into a store that holds none.`,
    });
  await copyBehaviours(source, into, location);
  let keys = 0;
  for (let after = ""; ; ) {
    const rows = await source
      .selectFrom("kms_keys")
      .selectAll()
      .where("arn", ">", after)
      .orderBy("arn")
      .limit(batch)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      const decoded = decodeKeyRecord(row.record, row.arn as KeyArn);
      if (decoded.isErr())
        throw new CopyRefused(
          kmsError(
            "KMSInternalException",
            `The stored record of key '${row.arn}' is unreadable: ${decoded.error}; nothing was copied.`,
          ),
        );
    }
    await into.insertInto("kms_keys").values(rows).execute();
    keys += rows.length;
    after = rows.at(-1)?.arn ?? after;
  }
  let aliases = 0;
  for (let last: readonly [string, string, string] = ["", "", ""]; ; ) {
    const rows = await source
      .selectFrom("kms_aliases")
      .selectAll()
      .where(({ eb, refTuple, tuple }) =>
        eb(refTuple("account_id", "region", "alias_name"), ">", tuple(...last)),
      )
      .orderBy("account_id")
      .orderBy("region")
      .orderBy("alias_name")
      .limit(batch)
      .execute();
    const end = rows.at(-1);
    if (end === undefined) break;
    for (const row of rows) {
      const decoded = decodeAliasRow({ accountId: row.account_id, region: row.region }, row);
      if (decoded.isErr())
        throw new CopyRefused(
          kmsError(
            "KMSInternalException",
            `The stored alias '${row.alias_name}' of ${row.account_id} in ${row.region} is unreadable: ${decoded.error}; nothing was copied.`,
          ),
        );
    }
    await into.insertInto("kms_aliases").values(rows).execute();
    aliases += rows.length;
    last = [end.account_id, end.region, end.alias_name];
  }
  let events = 0;
  for (let last: readonly [string, number, number] = ["", 0, 0]; ; ) {
    const rows = await source
      .selectFrom("kms_events")
      .selectAll()
      .where(({ eb, refTuple, tuple }) =>
        eb(refTuple("key_arn", "key_version", "ordinal"), ">", tuple(...last)),
      )
      .orderBy("key_arn")
      .orderBy("key_version")
      .orderBy("ordinal")
      .limit(batch)
      .execute();
    const end = rows.at(-1);
    if (end === undefined) break;
    await into.insertInto("kms_events").values(rows).execute();
    events += rows.length;
    last = [end.key_arn, end.key_version, end.ordinal];
  }
  return { keys, aliases, events };
}

/** Copies the behaviour profile of each scope, refusing one the target keeps under another. */
async function copyBehaviours(
  source: Kysely<KmsDatabase>,
  into: Kysely<KmsDatabase>,
  location: string,
): Promise<void> {
  for (const row of await source.selectFrom("kms_scopes").selectAll().execute()) {
    await into
      .insertInto("kms_scopes")
      .values(row)
      .onConflict((conflict) => conflict.columns(["account_id", "region"]).doNothing())
      .execute();
    const { behaviour } = await into
      .selectFrom("kms_scopes")
      .select("behaviour")
      .where("account_id", "=", row.account_id)
      .where("region", "=", row.region)
      .executeTakeFirstOrThrow();
    if (behaviour !== row.behaviour)
      throw new CopyRefused({
        name: "TargetNotEmpty",
        message: `${location} keeps account ${row.account_id} in ${row.region} under the ${behaviour} behaviour profile, the source under ${row.behaviour}; copy into a store that has not served them.`,
      });
  }
}
