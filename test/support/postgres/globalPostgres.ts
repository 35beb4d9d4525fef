// vitest globalSetup: one PostgreSQL server for the whole run, provided to the tests as
// inject("postgresUrl") (see postgresUrl.ts for the test side).
//
// - KMS_BYOK_TEST_POSTGRES_URL set: that server (checked with one connection), never stopped here.
// - otherwise, when the PostgreSQL binaries are there (findPostgresBinDir): a throwaway cluster,
//   stopped and removed at teardown (and by its 'exit' handler and watchdog after a Ctrl-C).
// - otherwise undefined, and tests that need PostgreSQL are skipped; but with CI=true a missing
//   database fails the run: in CI it is never a skipped test.
import { Client } from "pg";
import type { TestProject } from "vitest/node";
import {
  findPostgresBinDir,
  postgresBinDir,
  startThrowawayCluster,
  type ThrowawayCluster,
} from "./throwawayCluster.js";

declare module "vitest" {
  interface ProvidedContext {
    /** A PostgreSQL superuser URL for the run's server; undefined when there is none. */
    postgresUrl: string | undefined;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env["KMS_BYOK_TEST_POSTGRES_URL"];
  if (external !== undefined && external !== "") {
    await checkConnection(external);
    project.provide("postgresUrl", external);
    return async () => {};
  }
  if (findPostgresBinDir() === undefined) {
    const missing = `no PostgreSQL for the tests: neither KMS_BYOK_TEST_POSTGRES_URL nor the binaries in ${postgresBinDir()} (apt-get install -y --no-upgrade postgresql)`;
    if (process.env["CI"] === "true") throw new Error(`CI=true: ${missing}`);
    console.warn(`${missing}; the tests that need it are skipped`);
    project.provide("postgresUrl", undefined);
    return async () => {};
  }
  const cluster: ThrowawayCluster = await startThrowawayCluster();
  project.provide("postgresUrl", cluster.url);
  return () => cluster.stop();
}

async function checkConnection(url: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    throw new Error(
      `KMS_BYOK_TEST_POSTGRES_URL is set but its server does not answer: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  } finally {
    await client.end().catch(() => {});
  }
}
