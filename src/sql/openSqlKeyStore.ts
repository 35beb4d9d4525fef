import type { Kysely } from "kysely";
import { err, ok, type Result } from "neverthrow";
import type { KmsDatabase } from "./kmsDatabase.js";
import { markerSecretName } from "./kmsMigrations.js";
import { migrateKmsDatabase } from "./migrateKmsDatabase.js";
import type { SqlEngine } from "./sqlEngine.js";
import { type SqlKeyStore, sqlKeyStore } from "./sqlKeyStore.js";
import { causeOf, type SqlStoreOpenError, sqlStoreOpenError } from "./sqlStoreOpenError.js";

/**
 * Migrates `db` and makes the store over it; closes `db` when it cannot.
 *
 * Errors: `SchemaTooNew`, `DatabaseUnreachable`, `DatabaseUnusable`.
 */
export async function openSqlKeyStore(
  db: Kysely<KmsDatabase>,
  engine: SqlEngine,
): Promise<Result<SqlKeyStore, SqlStoreOpenError>> {
  const opened = await migrateKmsDatabase(db, engine).then(async (migrated) => {
    if (migrated.isErr()) return err(migrated.error);
    try {
      const secret = await db
        .selectFrom("kms_meta")
        .select("value")
        .where("name", "=", markerSecretName)
        .executeTakeFirst();
      if (secret === undefined)
        return err(
          sqlStoreOpenError(
            "DatabaseUnusable",
            `${engine.location} has no ${markerSecretName} in kms_meta.`,
          ),
        );
      return ok(sqlKeyStore(db, engine, Buffer.from(secret.value, "base64")));
    } catch (error) {
      return err(sqlStoreOpenError("DatabaseUnusable", `${engine.location}: ${causeOf(error)}`));
    }
  });
  if (opened.isErr()) await db.destroy().catch(() => {});
  return opened;
}
