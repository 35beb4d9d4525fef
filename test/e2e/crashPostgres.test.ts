// The crash test on PostgreSQL (serve --database; the server is killed, not the database); what it
// checks is in crash/crashRounds.ts.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, it } from "vitest";
import { openPostgresKeyStore } from "../../src/sql/index.js";
import { freshDatabase } from "../support/postgres/freshDatabase.js";
import { describeWithPostgres } from "../support/postgres/postgresUrl.js";
import type { Engine } from "./crash/checkAfterRestart.js";
import { crashTestTimeoutMs, roundsOfRun, runCrashRounds } from "./crash/crashRounds.js";
import { killLeftovers } from "./crash/serveProcess.js";

const rounds = roundsOfRun(100);

afterEach(killLeftovers);

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
      crashTestTimeoutMs,
    );
  },
);
