import type { Compilable, CompiledQuery, Kysely, QueryResult } from "kysely";
import type { KmsDatabase } from "./kmsDatabase.js";

/** Runs a statement compiled once, on `db` or inside a transaction, with new parameters. */
export type Statement<Row, Parameters extends readonly unknown[]> = (
  executor: Kysely<KmsDatabase>,
  ...parameters: Parameters
) => Promise<QueryResult<Row>>;

/**
 * The key store's hot statements, built by Kysely and compiled to SQL once per store rather
 * than on every call: a call then only binds its parameters. The placeholder values below
 * fix each statement's parameter order, which the compile checks.
 */
export function kmsStatements(db: Kysely<KmsDatabase>) {
  const key = { arn: "", account_id: "", region: "", version: 0, deletion_date: "", record: "" };
  return {
    /** arn */
    selectKey: prepared<{ version: number; record: string }, [string]>(
      db.selectFrom("kms_keys").select(["version", "record"]).where("arn", "=", ""),
    ),
    /** arn, account_id, region, version, deletion_date, record: inserts unless the ARN is taken */
    insertKey: prepared<unknown, [string, string, string, number, string | null, string]>(
      db
        .insertInto("kms_keys")
        .values(key)
        .onConflict((conflict) => conflict.column("arn").doNothing()),
    ),
    /** version, deletion_date, record, then the ARN and the version it must have */
    updateKey: prepared<unknown, [number, string | null, string, string, number]>(
      db
        .updateTable("kms_keys")
        .set({ version: 0, deletion_date: "", record: "" })
        .where("arn", "=", "")
        .where("version", "=", 0),
    ),
    /** account_id, region, the ARN to start after, how many rows */
    selectPage: prepared<{ arn: string; record: string }, [string, string, string, number]>(
      db
        .selectFrom("kms_keys")
        .select(["arn", "record"])
        .where("account_id", "=", "")
        .where("region", "=", "")
        .where("arn", ">", "")
        .orderBy("arn")
        .limit(0),
    ),
    /** the instant, as ISO-8601 text */
    deleteDueKeys: prepared<unknown, [string]>(
      db.deleteFrom("kms_keys").where("deletion_date", "<=", ""),
    ),
  };
}

function prepared<Row, Parameters extends readonly unknown[]>(
  query: Compilable<unknown>,
): Statement<Row, Parameters> {
  const compiled = query.compile() as CompiledQuery<Row>;
  return (executor, ...parameters) => {
    if (parameters.length !== compiled.parameters.length)
      throw new TypeError(`${compiled.sql} takes ${compiled.parameters.length} parameters.`);
    return executor.executeQuery({ ...compiled, parameters });
  };
}
