import { Kysely, PostgresDialect, sql } from "kysely";
import { errAsync, ResultAsync } from "neverthrow";
import type { KmsDatabase } from "./kmsDatabase.js";
import { loadDriver } from "./loadDriver.js";
import { openSqlKeyStore } from "./openSqlKeyStore.js";
import { poolDroppingFailedConnections } from "./poolDroppingFailedConnections.js";
import { redactDatabaseUrl } from "./redactDatabaseUrl.js";
import type { SqlEngine, SqlFailureKind } from "./sqlEngine.js";
import type { SqlKeyStore } from "./sqlKeyStore.js";
import { type SqlStoreOpenError, sqlStoreOpenError } from "./sqlStoreOpenError.js";

/** Options of {@link openPostgresKeyStore}. */
export interface PostgresKeyStoreOptions {
  /** A `postgres://user:password@host:port/database` URL; the database must exist. */
  readonly url: string;
  /** The most connections the store opens at once; 10 when absent. */
  readonly maxConnections?: number;
  /** How long a request waits for a connection or an answer before it fails; 5000 ms when absent. */
  readonly timeoutMs?: number;
}

type Pg = typeof import("pg");

/**
 * Opens a key store in a PostgreSQL database through `pg`, migrating its schema on open. Many
 * processes on many hosts may share one database: each write is one compare-and-set statement,
 * so none loses another's update. When the database goes away, calls fail with
 * `DependencyTimeoutException` and the store reconnects by itself when it is back.
 *
 * Errors: `DriverMissing` (install `pg`), `DatabaseUnreachable`, `SchemaTooNew`,
 * `DatabaseUnusable`. Messages show the URL without its password.
 *
 * @example
 * ```ts
 * const store = await openPostgresKeyStore({ url: process.env.DATABASE_URL ?? "" });
 * if (store.isErr()) throw new Error(store.error.message);
 * const kms = createKms({ store: store.value, crypto: nodeCrypto({ rootKey }) });
 * ```
 */
export function openPostgresKeyStore(
  options: PostgresKeyStoreOptions,
): ResultAsync<SqlKeyStore, SqlStoreOpenError> {
  const location = redactDatabaseUrl(options.url);
  const { maxConnections = 10, timeoutMs = 5000 } = options;
  if (!/^postgres(ql)?:\/\//.test(options.url))
    return errAsync(
      sqlStoreOpenError(
        "DatabaseUnusable",
        `${location} is not a postgres:// or postgresql:// URL.`,
      ),
    );
  return loadDriver<Pg>("pg", "PostgreSQL", "pg@8").andThen((pg) => {
    const engine: SqlEngine = {
      name: "PostgreSQL",
      location,
      codePointText: sql`text collate "C"`,
      kindOf: postgresFailureKind,
    };
    const pool = new pg.Pool({
      connectionString: options.url,
      max: maxConnections,
      connectionTimeoutMillis: timeoutMs,
      query_timeout: timeoutMs,
    });
    // A connection the server dropped while idle: the pool replaces it at the next query.
    pool.on("error", () => {});
    const dialect = new PostgresDialect({
      pool: poolDroppingFailedConnections(
        pool,
        (error) => postgresFailureKind(error) === "unavailable",
      ),
    });
    const db = new Kysely<KmsDatabase>({ dialect });
    return new ResultAsync(openSqlKeyStore(db, engine));
  });
}

const networkCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
]);

/**
 * Network failures, timeouts and SQLSTATE classes 08 (connection), 53 (resources) and 57
 * (shutdown, cancel) may pass; a concurrent `create table` or a deadlock is a race.
 */
function postgresFailureKind(error: unknown): SqlFailureKind {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : "";
  if (code === "23505" || code === "42P07" || code === "40P01" || code === "40001") return "race";
  if (typeof code === "string" && (networkCodes.has(code) || /^(08|53|57)/.test(code)))
    return "unavailable";
  if (
    /Connection terminated|timeout|not queryable|Client has encountered a connection error/i.test(
      message,
    )
  )
    return "unavailable";
  if (error instanceof AggregateError) return "unavailable";
  return "internal";
}
