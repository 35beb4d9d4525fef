import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { isRunning, killLeftoverServes, kmsByokIn, startServeIn } from "../cli/kmsByok.js";
import { withDurableKms } from "../cli/withDurableKms.js";
import { runProcess } from "../e2e/support/runProcess.js";
import { sdkClient } from "../support/kmsEndpoint.js";
import { type FreshDatabase, freshDatabase } from "../support/postgres/freshDatabase.js";
import { describeWithPostgres } from "../support/postgres/postgresUrl.js";
import { sdkKms } from "../support/sdkKms.js";
import { codeBlocks } from "./codeBlocks.js";

afterAll(killLeftoverServes);

/** The block's commands, one per line, continuation lines joined, comments dropped. */
function commands(block: string | undefined): string[] {
  return (block ?? "")
    .replaceAll("\\\n", " ")
    .split("\n")
    .map((line) => line.replace(/(^|\s)#.*$/, "").trim())
    .filter((line) => line !== "");
}

/** The arguments of `npx kms-byok …`. */
function kmsByokArgs(command: string | undefined): string[] {
  const words = (command ?? "").split(/\s+/);
  expect(words.slice(0, 2)).toEqual(["npx", "kms-byok"]);
  return words.slice(2);
}

/** Starts the block's `serve` line (on a free port, not 4599) and lists its keys' IDs. */
async function keyIdsServedBy(cwd: string, serveCommand: string | undefined): Promise<string[]> {
  const [command, ...options] = kmsByokArgs(serveCommand);
  expect(command).toBe("serve");
  const serve = await startServeIn(cwd, ...options, "--port", "0");
  if (!isRunning(serve)) throw new Error(`kms-byok serve did not start: ${serve.stderr}`);
  const client = sdkClient(serve.url);
  const listed = await sdkKms(client).listKeys({});
  client.destroy();
  serve.kill("SIGTERM");
  expect((await serve.exited).code).toBe(0);
  return listed._unsafeUnwrap().Keys.map((key) => key.KeyId);
}

describeWithPostgres("docs/storage.md: Share keys between hosts", (serverUrl) => {
  const databases: FreshDatabase[] = [];
  afterAll(() => Promise.all(databases.map((database) => database.drop())));
  const [shareBlock, copyBlock] = codeBlocks(
    "docs/storage.md",
    "## Share keys between hosts",
    "sh",
  );
  // The one change to the blocks: the test's own database instead of db.internal's.
  const onDatabase = (block: string | undefined, url: string) =>
    block?.replace(/postgres:\/\/kms:secret@db\.internal(:5432)?\/kms/g, url);

  it("creates a 0600 root key with openssl and serves from PostgreSQL with it, as its first block says", async () => {
    const database = await freshDatabase(serverUrl);
    databases.push(database);
    const [makeRootKey, serve] = commands(onDatabase(shareBlock, database.url));
    const cwd = mkdtempSync(join(tmpdir(), "kms-byok-docs-share-"));

    const made = await runProcess("/bin/bash", ["-euo", "pipefail", "-c", makeRootKey ?? ""], {
      cwd,
      env: process.env,
    });

    expect(made).toEqual({ exitCode: 0, stdout: "", stderr: "" });
    expect(statSync(join(cwd, "root.key")).size).toBe(32);
    expect(statSync(join(cwd, "root.key")).mode & 0o777).toBe(0o600);
    expect(await keyIdsServedBy(cwd, serve)).toEqual([]);
  }, 60_000);

  it("moves a data directory's keys into PostgreSQL and serves them there, as its copy block says", async () => {
    const database = await freshDatabase(serverUrl);
    databases.push(database);
    const [copy, serve] = commands(onDatabase(copyBlock, database.url));
    const cwd = mkdtempSync(join(tmpdir(), "kms-byok-docs-copy-"));
    const dataDir = join(cwd, "kms-data");
    const KeyId = await withDurableKms(
      { kind: "sqlite", dataDir, rootKeyFile: join(dataDir, "root.key") },
      async (kms) => (await kms.createKey({}))._unsafeUnwrap().KeyMetadata.KeyId,
    );

    const copied = await kmsByokIn(cwd, ...kmsByokArgs(copy));

    expect(copied.code, copied.stderr).toBe(0);
    expect(await keyIdsServedBy(cwd, serve)).toEqual([KeyId]);
  }, 60_000);
});
