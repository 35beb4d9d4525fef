import type { SqliteDatabase, SqliteStatement } from "kysely";

/** The statements kept prepared; kms-byok's queries have far fewer distinct texts. */
const capacity = 64;

/**
 * `database` with its prepared statements kept by SQL text, so a query Kysely runs again is not
 * prepared again (Kysely's SQLite driver prepares every query it runs).
 */
export function statementCache(database: SqliteDatabase): SqliteDatabase {
  const prepared = new Map<string, SqliteStatement>();
  return {
    close: () => database.close(),
    prepare: (sql) => {
      let statement = prepared.get(sql);
      if (statement === undefined) {
        statement = database.prepare(sql);
        if (prepared.size >= capacity) prepared.delete(prepared.keys().next().value as string);
        prepared.set(sql, statement);
      }
      return statement;
    },
  };
}
