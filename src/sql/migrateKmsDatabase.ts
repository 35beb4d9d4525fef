import { type Kysely, Migrator } from "kysely";
import { err, ok, type Result } from "neverthrow";
import type { KmsDatabase } from "./kmsDatabase.js";
import { kmsMigrations } from "./kmsMigrations.js";
import type { SqlEngine } from "./sqlEngine.js";
import { causeOf, type SqlStoreOpenError, sqlStoreOpenError } from "./sqlStoreOpenError.js";

/** The table in which each applied migration is a row: the database's schema version. */
export const schemaTableName = "kms_schema_migrations";

const raceAttempts = 5;

/**
 * Brings the database to the schema this code knows, inside the migrator's lock, so processes
 * that open one database at the same time apply each migration once. A database that has a
 * migration this code does not know was written by a newer kms-byok: it is refused, unchanged.
 *
 * Errors: `SchemaTooNew`, `DatabaseUnreachable`, `DatabaseUnusable`.
 */
export async function migrateKmsDatabase(
  db: Kysely<KmsDatabase>,
  engine: SqlEngine,
): Promise<Result<void, SqlStoreOpenError>> {
  const migrations = kmsMigrations(engine);
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: schemaTableName,
    migrationLockTableName: "kms_schema_lock",
  });
  for (let attempt = 1; ; attempt++) {
    try {
      const unknown = (await appliedMigrations(db)).filter(
        (name) => !Object.hasOwn(migrations, name),
      );
      if (unknown.length > 0) {
        return err(
          sqlStoreOpenError(
            "SchemaTooNew",
            `${engine.location} has schema migrations this kms-byok does not know (${unknown.join(", ")}): a newer kms-byok wrote it. Upgrade kms-byok; the database was not changed.`,
          ),
        );
      }
      const { error } = await migrator.migrateToLatest();
      if (error !== undefined) throw error;
      return ok(undefined);
    } catch (error) {
      const kind = engine.kindOf(error);
      if (kind === "race" && attempt < raceAttempts) {
        await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
        continue;
      }
      const name = kind === "unavailable" ? "DatabaseUnreachable" : "DatabaseUnusable";
      return err(
        sqlStoreOpenError(name, `${engine.name} at ${engine.location}: ${causeOf(error)}`),
      );
    }
  }
}

/** The names of the migrations the database has applied; none when it has no schema table. */
async function appliedMigrations(db: Kysely<KmsDatabase>): Promise<string[]> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((table) => table.name === schemaTableName)) return [];
  const rows = await (db as unknown as Kysely<Record<typeof schemaTableName, { name: string }>>)
    .selectFrom(schemaTableName)
    .select("name")
    .execute();
  return rows.map((row) => row.name);
}
