// The crash test on SQLite (serve --data); what it checks is in crash/crashRounds.ts. The two
// engines are two files, so that they run side by side.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, it } from "vitest";
import { openSqliteKeyStore } from "../../src/sql/index.js";
import type { Engine } from "./crash/checkAfterRestart.js";
import { crashTestTimeoutMs, roundsOfRun, runCrashRounds } from "./crash/crashRounds.js";
import { killLeftovers } from "./crash/serveProcess.js";

const rounds = roundsOfRun(100);

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
    crashTestTimeoutMs,
  );
});
