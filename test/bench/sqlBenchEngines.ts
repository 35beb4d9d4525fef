// The two SQL engines as the SQL bench uses them: the store kms-byok opens, and next to it the bare
// driver on the same database, able to run exactly the statements the store sends.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import type { KmsDatabase } from "../../src/sql/kmsDatabase.js";
import { openPostgresKeyStore } from "../../src/sql/openPostgresKeyStore.js";
import { openSqliteKeyStore } from "../../src/sql/openSqliteKeyStore.js";
import type { SqlKeyStore } from "../../src/sql/sqlKeyStore.js";
import { statementCache } from "../../src/sql/statementCache.js";
import { freshDatabase } from "../support/postgres/freshDatabase.js";
import { findPostgresBinDir, startThrowawayCluster } from "../support/postgres/throwawayCluster.js";

/** One statement as the store hands it to the driver. */
export interface Statement {
  readonly sql: string;
  readonly parameters: readonly unknown[];
}

/** A row of `kms_keys`, for inserting directly. */
export type KeysRow = KmsDatabase["kms_keys"];

/** A store and the bare driver under it. */
export interface BenchEngine {
  readonly name: "SQLite" | "PostgreSQL";
  /** A temp file, or a fresh database on a throwaway cluster or `KMS_BYOK_BENCH_POSTGRES_URL`. */
  readonly where: string;
  readonly store: SqlKeyStore;
  /**
   * Runs `statements` with the bare driver as the store's Kysely driver does: SQLite, on the
   * store's own connection, each a prepared statement (kept by SQL text) run with `all` when it
   * returns rows, else `run`; PostgreSQL, on one connection of a pool of its own, `query(sql,
   * parameters)` in turn. Resolves to the rows of the last statement.
   */
  bare(statements: readonly Statement[]): Promise<readonly unknown[]>;
  /**
   * Kysely set up as the store sets it up, on the bare side's connection (SQLite) or pool
   * (PostgreSQL): for telling Kysely's share of the store's time from the driver's.
   */
  readonly kysely: Kysely<KmsDatabase>;
  /** The statements the store sends to the driver while `run` runs, in order. */
  trace(run: () => Promise<unknown>): Promise<Statement[]>;
  /** Inserts `rows` into `kms_keys` with the bare driver, in one transaction. */
  insertRows(rows: readonly KeysRow[]): Promise<void>;
  close(): Promise<void>;
}

type Prepared = Database.Statement<unknown[], unknown>;

const insertSql =
  'insert into "kms_keys" ("arn", "account_id", "region", "version", "deletion_date", "record") values (?, ?, ?, ?, ?, ?)';

/**
 * A store on a temp SQLite file, opened as kms-byok opens it (WAL, synchronous=FULL); the bare
 * side runs on that very connection, caught from `Database.prototype.prepare` as the store
 * opens it, so both share one page cache and one WAL.
 */
export async function sqliteBenchEngine(): Promise<BenchEngine> {
  const dir = await mkdtemp(join(tmpdir(), "kms-byok-bench-"));
  const path = join(dir, "keys.sqlite");
  const prototype = Database.prototype as { prepare: (source: string) => Prepared };
  const prepare = prototype.prepare;
  let connection: Database.Database | undefined;
  prototype.prepare = function (this: Database.Database, source: string) {
    connection ??= this;
    return prepare.call(this, source);
  };
  let opened: Awaited<ReturnType<typeof openSqliteKeyStore>>;
  try {
    opened = await openSqliteKeyStore({ path });
  } finally {
    prototype.prepare = prepare;
  }
  if (opened.isErr()) throw new Error(opened.error.message);
  const db = connection;
  if (db === undefined) throw new Error("the SQLite store opened no better-sqlite3 connection");
  const journal = db.pragma("journal_mode", { simple: true });
  const synchronous = db.pragma("synchronous", { simple: true });
  if (journal !== "wal" || synchronous !== 2)
    throw new Error(`SQLite store not in WAL, synchronous=FULL: ${journal}, ${synchronous}`);

  const statements = new Map<string, Prepared>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (statement === undefined) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  const statementPrototype = Object.getPrototypeOf(prepared("select 1")) as Record<
    "all" | "run" | "get" | "iterate",
    (this: Prepared, ...parameters: unknown[]) => unknown
  >;
  return {
    name: "SQLite",
    where: "a temp file",
    store: opened.value,
    // Not destroyed: that would close the store's connection, which the store closes.
    kysely: new Kysely<KmsDatabase>({
      dialect: new SqliteDialect({ database: statementCache(db) }),
    }),
    bare: async (list) => {
      let rows: unknown[] = [];
      for (const { sql, parameters } of list) {
        const statement = prepared(sql);
        if (statement.reader) rows = statement.all(parameters);
        else {
          statement.run(parameters);
          rows = [];
        }
      }
      return rows;
    },
    trace: async (run) => {
      const seen: Statement[] = [];
      const methods = ["all", "run", "get", "iterate"] as const;
      const originals = methods.map((name) => statementPrototype[name]);
      for (const [i, name] of methods.entries()) {
        const original = originals[i] as (typeof statementPrototype)[typeof name];
        statementPrototype[name] = function (this: Prepared, ...parameters: unknown[]) {
          const [first] = parameters;
          seen.push({
            sql: this.source,
            parameters: parameters.length === 1 && Array.isArray(first) ? [...first] : parameters,
          });
          return original.apply(this, parameters);
        };
      }
      try {
        await run();
      } finally {
        for (const [i, name] of methods.entries())
          statementPrototype[name] = originals[i] as (typeof statementPrototype)[typeof name];
      }
      return seen;
    },
    insertRows: async (rows) => {
      const insert = db.prepare(insertSql);
      db.transaction(() => {
        for (const row of rows)
          insert.run(
            row.arn,
            row.account_id,
            row.region,
            row.version,
            row.deletion_date,
            row.record,
          );
      })();
    },
    close: async () => {
      await opened.value.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A PostgreSQL server for the bench. */
export interface BenchPostgresServer {
  /** A superuser URL (its `postgres` database). */
  readonly url: string;
  /** "a throwaway local cluster" or "KMS_BYOK_BENCH_POSTGRES_URL". */
  readonly where: string;
  /** Stops the cluster if this process started it. */
  stop(): Promise<void>;
}

/**
 * `KMS_BYOK_BENCH_POSTGRES_URL`'s server when it is set (left running), else a throwaway cluster
 * started here; `undefined` when neither is there.
 */
export async function benchPostgresServer(): Promise<BenchPostgresServer | undefined> {
  const external = process.env["KMS_BYOK_BENCH_POSTGRES_URL"];
  if (external !== undefined && external !== "")
    return { url: external, where: "KMS_BYOK_BENCH_POSTGRES_URL", stop: async () => {} };
  if (findPostgresBinDir() === undefined) return undefined;
  const cluster = await startThrowawayCluster();
  return { url: cluster.url, where: "a throwaway local cluster", stop: () => cluster.stop() };
}

/**
 * A store on a fresh database of `server` (dropped by `close`); the bare side is a `pg.Pool` of
 * its own, of the store's size (10), on that database.
 */
export async function postgresBenchEngine(server: BenchPostgresServer): Promise<BenchEngine> {
  const database = await freshDatabase(server.url);
  const opened = await openPostgresKeyStore({ url: database.url });
  if (opened.isErr()) {
    await database.drop();
    throw new Error(opened.error.message);
  }
  const pool = new pg.Pool({ connectionString: database.url, max: 10 });
  pool.on("error", () => {});
  const kysely = new Kysely<KmsDatabase>({ dialect: new PostgresDialect({ pool }) });
  const clientPrototype = pg.Client.prototype as unknown as {
    query: (this: pg.Client, ...args: unknown[]) => unknown;
  };
  return {
    name: "PostgreSQL",
    where: server.where,
    store: opened.value,
    kysely,
    bare: async (list) => {
      const client = await pool.connect();
      try {
        let rows: unknown[] = [];
        for (const { sql, parameters } of list)
          rows = (await client.query(sql, [...parameters])).rows;
        return rows;
      } finally {
        client.release();
      }
    },
    trace: async (run) => {
      const seen: Statement[] = [];
      const query = clientPrototype.query;
      clientPrototype.query = function (this: pg.Client, ...args: unknown[]) {
        const [sql, parameters] = args;
        if (typeof sql === "string")
          seen.push({ sql, parameters: Array.isArray(parameters) ? [...parameters] : [] });
        return query.apply(this, args);
      };
      try {
        await run();
      } finally {
        clientPrototype.query = query;
      }
      return seen;
    },
    insertRows: async (rows) => {
      const client = await pool.connect();
      try {
        await client.query("begin");
        for (let start = 0; start < rows.length; start += 10_000) {
          const chunk = rows.slice(start, start + 10_000);
          await client.query(
            'insert into "kms_keys" ("arn", "account_id", "region", "version", "deletion_date", "record") select * from unnest($1::text[], $2::text[], $3::text[], $4::integer[], $5::text[], $6::text[])',
            [
              chunk.map((row) => row.arn),
              chunk.map((row) => row.account_id),
              chunk.map((row) => row.region),
              chunk.map((row) => row.version),
              chunk.map((row) => row.deletion_date),
              chunk.map((row) => row.record),
            ],
          );
        }
        await client.query("commit");
        // What autovacuum would do within a minute of such an insert, done now, before timing.
        await client.query('analyze "kms_keys"');
      } finally {
        client.release();
      }
    },
    close: async () => {
      await opened.value.close();
      await kysely.destroy(); // ends the pool
      await database.drop();
    },
  };
}
