import { Client } from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type FreshDatabase, freshDatabase } from "../support/postgres/freshDatabase.js";
import {
  describeWithPostgres,
  describeWithPostgresBinaries,
} from "../support/postgres/postgresUrl.js";
import {
  startThrowawayCluster,
  type ThrowawayCluster,
} from "../support/postgres/throwawayCluster.js";

// What the SQL KeyStore's tests rely on: the run's PostgreSQL (globalSetup) gives each file a
// database of its own whose row updates are compare-and-set, and a throwaway cluster can be lost
// mid-run and brought back with what it had committed.

async function connected(url: string): Promise<Client> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  return client;
}

describeWithPostgres("the test database", (serverUrl) => {
  let database: FreshDatabase | undefined;
  const clients: Client[] = [];
  const connect = async () => {
    if (database === undefined) throw new Error("no database");
    const client = await connected(database.url);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    database = await freshDatabase(serverUrl);
  });

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.end()));
    await database?.drop();
  });

  it("accepts a compare-and-set update exactly once", async () => {
    const client = await connect();
    await client.query("CREATE TABLE record (id text PRIMARY KEY, version integer NOT NULL)");
    await client.query("INSERT INTO record (id, version) VALUES ('k', 1)");
    const casUpdate = "UPDATE record SET version = 2 WHERE id = 'k' AND version = 1";

    expect((await client.query(casUpdate)).rowCount).toBe(1);
    expect((await client.query(casUpdate)).rowCount).toBe(0);
  });

  it("accepts a compare-and-set update exactly once when two connections race for it", async () => {
    const [first, second] = [await connect(), await connect()];
    await first.query("CREATE TABLE raced (id text PRIMARY KEY, version integer NOT NULL)");
    await first.query("INSERT INTO raced (id, version) VALUES ('k', 1)");
    const casUpdate = "UPDATE raced SET version = version + 1 WHERE id = 'k' AND version = 1";
    const secondPid = (await second.query<{ pid: number }>("SELECT pg_backend_pid() AS pid"))
      .rows[0]?.pid;

    await first.query("BEGIN");
    expect((await first.query(casUpdate)).rowCount).toBe(1);
    const secondUpdate = second.query(casUpdate); // waits for the first's row lock
    secondUpdate.catch(() => {}); // awaited below; not an unhandled rejection if a check fails first
    await expect
      .poll(
        async () => {
          const activity = await first.query(
            "SELECT wait_event_type FROM pg_stat_activity WHERE pid = $1",
            [secondPid],
          );
          return activity.rows[0]?.wait_event_type;
        },
        { timeout: 10_000 },
      )
      .toBe("Lock");
    await first.query("COMMIT");

    expect((await secondUpdate).rowCount).toBe(0);
    expect((await first.query("SELECT version FROM raced")).rows).toEqual([{ version: 2 }]);
  });
});

describeWithPostgresBinaries("a throwaway cluster", () => {
  let cluster: ThrowawayCluster | undefined;

  beforeAll(async () => {
    cluster = await startThrowawayCluster();
  });

  afterAll(async () => {
    await cluster?.stop();
  });

  it("refuses connections when paused and accepts them again after resume", async () => {
    if (cluster === undefined) throw new Error("no cluster");
    const before = await connected(cluster.url);
    await before.query("CREATE TABLE kept (n integer)");
    await before.query("INSERT INTO kept (n) VALUES (1)");
    // The immediate stop ends this connection under it: pg reports that on the client.
    const lost = new Promise<Error>((resolve) => before.on("error", resolve));

    await cluster.pause();
    expect(cluster.running).toBe(false);
    expect((await lost).message).toMatch(/terminat/i);
    await expect(connected(cluster.url)).rejects.toMatchObject({ code: "ECONNREFUSED" });

    await cluster.resume();
    const after = await connected(cluster.url);
    try {
      expect((await after.query("SELECT n FROM kept")).rows).toEqual([{ n: 1 }]);
    } finally {
      await after.end();
      await before.end().catch(() => {});
    }
  });
});
