import { Kysely, SqliteDialect } from "kysely";
import { errAsync, ResultAsync } from "neverthrow";
import type { KmsDatabase } from "./kmsDatabase.js";
import { loadDriver } from "./loadDriver.js";
import { openSqlKeyStore } from "./openSqlKeyStore.js";
import type { SqlEngine } from "./sqlEngine.js";
import type { SqlKeyStore } from "./sqlKeyStore.js";
import { causeOf, type SqlStoreOpenError, sqlStoreOpenError } from "./sqlStoreOpenError.js";
import { statementCache } from "./statementCache.js";

/** Options of {@link openSqliteKeyStore}. */
export interface SqliteKeyStoreOptions {
  /** The database file; created, with its schema, when it does not exist. */
  readonly path: string;
  /** How long a write waits for another process's transaction to finish; 5000 ms when absent. */
  readonly busyTimeoutMs?: number;
}

type BetterSqlite3 = typeof import("better-sqlite3");

/**
 * Opens (or creates) a key store in a SQLite file through `better-sqlite3`: write-ahead log,
 * `synchronous=FULL` (a committed write survives a power loss), a busy timeout, and the schema
 * migrated on open. Several processes may open one file: SQLite's locks keep their writes
 * whole and compare-and-set keeps them from losing each other's updates.
 *
 * Errors: `DriverMissing` (install `better-sqlite3@12`), `SchemaTooNew`, `DatabaseUnusable`
 * (the path cannot be opened or is not a database).
 *
 * @example
 * ```ts
 * const store = await openSqliteKeyStore({ path: "kms.sqlite" });
 * if (store.isOk()) {
 *   const kms = createKms({ store: store.value, crypto: nodeCrypto({ rootKey }) });
 *   // …
 *   await store.value.close();
 * }
 * ```
 */
export function openSqliteKeyStore(
  options: SqliteKeyStoreOptions,
): ResultAsync<SqlKeyStore, SqlStoreOpenError> {
  const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
  if (!Number.isSafeInteger(busyTimeoutMs) || busyTimeoutMs < 0)
    return errAsync(
      sqlStoreOpenError(
        "DatabaseUnusable",
        "busyTimeoutMs must be a whole number of milliseconds.",
      ),
    );
  return loadDriver<BetterSqlite3>("better-sqlite3", "SQLite", "better-sqlite3@12").andThen(
    (Database) => {
      const engine: SqlEngine = {
        name: "SQLite",
        location: options.path,
        codePointText: "text",
        kindOf: sqliteFailureKind,
      };
      let database: InstanceType<BetterSqlite3>;
      try {
        database = new Database(options.path);
        database.pragma(`busy_timeout = ${busyTimeoutMs}`);
        database.pragma("journal_mode = WAL");
        database.pragma("synchronous = FULL");
      } catch (error) {
        return errAsync(
          sqlStoreOpenError("DatabaseUnusable", `SQLite at ${options.path}: ${causeOf(error)}`),
        );
      }
      const db = new Kysely<KmsDatabase>({
        dialect: new SqliteDialect({ database: statementCache(database) }),
      });
      return new ResultAsync(openSqlKeyStore(db, engine));
    },
  );
}

/** Busy and I/O failures may pass; a lock upgrade that lost (SQLITE_BUSY at once) is a race. */
function sqliteFailureKind(error: unknown): ReturnType<SqlEngine["kindOf"]> {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== "string") return "internal";
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) return "race";
  if (/^SQLITE_(IOERR|FULL|CANTOPEN|READONLY|PROTOCOL)/.test(code)) return "unavailable";
  return "internal";
}
