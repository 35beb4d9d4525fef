// The test side of globalPostgres.ts: the run's PostgreSQL URL, or a skip with the reason when a
// developer machine has no PostgreSQL. With CI=true globalSetup has already failed the run then;
// these helpers fail too, in case a file runs under another config.
import { describe, inject } from "vitest";
import { findPostgresBinDir, postgresBinDir } from "./throwawayCluster.js";

export const noPostgresReason =
  "no PostgreSQL: install it (apt-get install -y --no-upgrade postgresql) or set KMS_BYOK_TEST_POSTGRES_URL";

/** The server URL globalSetup provided (a superuser on its `postgres` database), or undefined. */
export function postgresUrlOrSkip(): string | undefined {
  const url = inject("postgresUrl");
  if (url === undefined && process.env["CI"] === "true") {
    throw new Error(`CI=true and ${noPostgresReason}`);
  }
  return url;
}

/**
 * `describe`, skipped (with the reason in its name) when there is no PostgreSQL. `body` gets the
 * server URL; when skipped it is still called to collect the tests, with "", so it should connect
 * only in hooks and tests, never while collecting.
 */
export function describeWithPostgres(name: string, body: (url: string) => void): void {
  const url = postgresUrlOrSkip();
  describe.skipIf(url === undefined)(
    url === undefined ? `${name} [skipped: ${noPostgresReason}]` : name,
    () => body(url ?? ""),
  );
}

/**
 * `describe` for tests that start throwaway clusters of their own (startThrowawayCluster), which
 * need the PostgreSQL binaries on this machine, not just a URL: skipped without them, except in CI.
 */
export function describeWithPostgresBinaries(name: string, body: () => void): void {
  const missing = findPostgresBinDir() === undefined;
  if (missing && process.env["CI"] === "true") {
    throw new Error(`CI=true and no PostgreSQL binaries in ${postgresBinDir()}`);
  }
  describe.skipIf(missing)(missing ? `${name} [skipped: ${noPostgresReason}]` : name, body);
}
