import type { PostgresPool, PostgresPoolClient } from "kysely";
import type { Pool, PoolClient } from "pg";

/**
 * `pool` for Kysely, except that a connection on which a query failed because the database did
 * not answer (`failedConnection(error)`) is closed when it is released, not reused. A query that
 * timed out leaves its connection waiting for an answer; when that answer never comes (the
 * database failed over, the network dropped the connection silently), every later request on
 * the connection would time out too. Closed, it is replaced by a fresh one at the next query.
 */
export function poolDroppingFailedConnections(
  pool: Pool,
  failedConnection: (error: unknown) => boolean,
): PostgresPool {
  return {
    connect: async () => {
      const client: PoolClient = await pool.connect();
      let failed = false;
      const query = (...args: [string, readonly unknown[]]) =>
        client.query(...(args as [string, unknown[]])).catch((error: unknown) => {
          failed ||= failedConnection(error);
          throw error;
        });
      return {
        query: query as unknown as PostgresPoolClient["query"],
        release: (destroy) => client.release(destroy === true || failed),
      };
    },
    end: () => pool.end(),
  };
}
