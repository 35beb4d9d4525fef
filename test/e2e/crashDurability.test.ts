// Crash test of the durable stores: a `kms-byok serve` process is killed with SIGKILL, 100 times,
// while clients create keys, import, delete and reimport their material and encrypt under them.
// After each kill a new process serves the same data, and the test checks, through the AWS SDK
// and by opening the store itself, that nothing acknowledged was lost and nothing is torn.
//
// What the test knows about each key is exact, because every key is used by one client at a time:
// its writes form one sequence, all acknowledged except at most the last, the one in flight when
// the process died. That write may or may not have landed; either is fine, but then wholly: the
// record, its version and its audit event together, or none of them. An unacknowledged CreateKey
// leaves a key the test has no ID for; its Description names it, so a key that appears is matched
// to the one create that may have made it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, it } from "vitest";
import { openPostgresKeyStore, openSqliteKeyStore } from "../../src/sql/index.js";
import { freshDatabase } from "../support/postgres/freshDatabase.js";
import { describeWithPostgres } from "../support/postgres/postgresUrl.js";
import type { Engine } from "./crash/checkAfterRestart.js";
import { roundsOfRun, runCrashRounds } from "./crash/crashRounds.js";
import { killLeftovers } from "./crash/serveProcess.js";

/**
 * SIGKILLs per engine: 100, unless the environment variable KMS_BYOK_CRASH_ROUNDS (a positive
 * integer) says otherwise, e.g. KMS_BYOK_CRASH_ROUNDS=5 for a quick check of a change to
 * test/e2e/crash. The test names show the count that ran.
 */
const rounds = roundsOfRun(100);
const testTimeoutMs = 15 * 60_000;

afterEach(killLeftovers);

describe("kms-byok serve killed with SIGKILL while clients write", () => {
  it(
    `keeps every acknowledged write of a serve --data process killed with SIGKILL, ${rounds} times`,
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "kms-byok-crash-"));
      const engine: Engine = {
        name: "SQLite",
        serveArgs: ["--data", dir],
        rootKeyFile: join(dir, "root.key"),
        openStore: async () =>
          (await openSqliteKeyStore({ path: join(dir, "kms.sqlite") }))._unsafeUnwrap(),
      };
      try {
        await runCrashRounds(engine, rounds);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    testTimeoutMs,
  );
});

describeWithPostgres(
  "kms-byok serve --database killed with SIGKILL while clients write",
  (baseUrl) => {
    it(
      `keeps every acknowledged write of a serve --database postgres://… process killed with SIGKILL (not the database), ${rounds} times`,
      async () => {
        const database = await freshDatabase(baseUrl);
        const dir = mkdtempSync(join(tmpdir(), "kms-byok-crash-"));
        const rootKeyFile = join(dir, "root.key");
        const engine: Engine = {
          name: "PostgreSQL",
          serveArgs: ["--database", database.url, "--root-key-file", rootKeyFile],
          rootKeyFile,
          openStore: async () =>
            (await openPostgresKeyStore({ url: database.url, maxConnections: 2 }))._unsafeUnwrap(),
        };
        try {
          await runCrashRounds(engine, rounds);
        } finally {
          await database.drop();
          rmSync(dir, { recursive: true, force: true });
        }
      },
      testTimeoutMs,
    );
  },
);
