// A database of its own for each test file (or test): created on the server of a base URL, so
// tests sharing one server never see each other's tables, and dropped afterwards.
import { randomBytes } from "node:crypto";
import { Client, escapeIdentifier } from "pg";

export interface FreshDatabase {
  /** `kms_test_<12 hex digits>`. */
  readonly name: string;
  /** `baseUrl` with the path replaced by the new database's name. */
  readonly url: string;
  /** `DROP DATABASE ... WITH (FORCE)`: ends its open connections. Safe to call twice. */
  drop(): Promise<void>;
}

/** Creates an empty, uniquely named database on the server `baseUrl` points to. */
export async function freshDatabase(baseUrl: string): Promise<FreshDatabase> {
  const name = `kms_test_${randomBytes(6).toString("hex")}`;
  await onServer(baseUrl, `CREATE DATABASE ${escapeIdentifier(name)}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    name,
    url: url.toString(),
    async drop() {
      if (dropped) return;
      dropped = true;
      await onServer(baseUrl, `DROP DATABASE IF EXISTS ${escapeIdentifier(name)} WITH (FORCE)`);
    },
  };
}

async function onServer(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
