import {
  type Compilable,
  type CompiledQuery,
  type ExpressionBuilder,
  type Kysely,
  type QueryResult,
  sql,
} from "kysely";
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
  const alias = {
    account_id: "",
    region: "",
    alias_name: "",
    target_key_arn: "",
    version: 0,
    creation_date: "",
    last_updated_date: "",
  };
  const aliasColumns = [
    "alias_name",
    "target_key_arn",
    "version",
    "creation_date",
    "last_updated_date",
  ] as const;
  /** The aliases of a scope after a name, whose key is not due for deletion (the instant). */
  const aliasPage = () =>
    db
      .selectFrom("kms_aliases as a")
      .select(aliasColumns)
      .where("a.account_id", "=", "")
      .where("a.region", "=", "")
      .where("a.alias_name", ">", "");
  const keyNotDue = ({
    not,
    exists,
    selectFrom,
  }: ExpressionBuilder<KmsDatabase & { a: KmsDatabase["kms_aliases"] }, "a">) =>
    not(
      exists(
        selectFrom("kms_keys as k")
          .select(sql<number>`1`.as("due"))
          .whereRef("k.arn", "=", "a.target_key_arn")
          .where("k.deletion_date", "<=", ""),
      ),
    );
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
    /** the instant, as ISO-8601 text: removes the aliases of the keys deleteDueKeys removes */
    deleteAliasesOfDueKeys: prepared<unknown, [string]>(
      db
        .deleteFrom("kms_aliases")
        .where(({ eb, refTuple, selectFrom }) =>
          eb(
            refTuple("account_id", "region", "target_key_arn"),
            "in",
            selectFrom("kms_keys")
              .select(["account_id", "region", "arn"])
              .where("deletion_date", "<=", "")
              .$asTuple("account_id", "region", "arn"),
          ),
        ),
    ),
    /** account_id, region, alias_name */
    selectAlias: prepared<AliasRow, [string, string, string]>(
      db
        .selectFrom("kms_aliases")
        .select(aliasColumns)
        .where("account_id", "=", "")
        .where("region", "=", "")
        .where("alias_name", "=", ""),
    ),
    /** the columns of an alias row, in table order: inserts unless the name is taken */
    insertAlias: prepared<unknown, [string, string, string, string, number, string, string]>(
      db
        .insertInto("kms_aliases")
        .values(alias)
        .onConflict((conflict) =>
          conflict.columns(["account_id", "region", "alias_name"]).doNothing(),
        ),
    ),
    /**
     * target_key_arn, version, creation_date, last_updated_date, then the account, Region and
     * name of the alias and the version it must have
     */
    updateAlias: prepared<
      unknown,
      [string, number, string, string, string, string, string, number]
    >(
      db
        .updateTable("kms_aliases")
        .set({ target_key_arn: "", version: 0, creation_date: "", last_updated_date: "" })
        .where("account_id", "=", "")
        .where("region", "=", "")
        .where("alias_name", "=", "")
        .where("version", "=", 0),
    ),
    /** account_id, region, alias_name, the version it must have */
    deleteAlias: prepared<unknown, [string, string, string, number]>(
      db
        .deleteFrom("kms_aliases")
        .where("account_id", "=", "")
        .where("region", "=", "")
        .where("alias_name", "=", "")
        .where("version", "=", 0),
    ),
    /** account_id, region, the name to start after, the instant, how many rows */
    selectAliasPage: prepared<AliasRow, [string, string, string, string, number]>(
      aliasPage().where(keyNotDue).orderBy("a.alias_name").limit(0),
    ),
    /** account_id, region, the name to start after, the target key ARN, the instant, how many rows */
    selectAliasPageOfKey: prepared<AliasRow, [string, string, string, string, string, number]>(
      aliasPage()
        .where("a.target_key_arn", "=", "")
        .where(keyNotDue)
        .orderBy("a.alias_name")
        .limit(0),
    ),
  };
}

/** What the alias statements select of a row. */
export interface AliasRow {
  readonly alias_name: string;
  readonly target_key_arn: string;
  readonly version: number;
  readonly creation_date: string;
  readonly last_updated_date: string;
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
