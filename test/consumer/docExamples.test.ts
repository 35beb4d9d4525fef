import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { KMSClient, ListKeysCommand } from "@aws-sdk/client-kms";
import { afterAll, describe, expect, it } from "vitest";
import { codeBlocks } from "../docs/codeBlocks.js";
import { runProcess } from "../e2e/support/runProcess.js";
import { packedFile } from "./support/packedPackage.js";

const dir = mkdtempSync(join(tmpdir(), "kms-byok-consumer-docs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
const examples = join(import.meta.dirname, "docs");

/** A bin directory whose `npx kms-byok` is the packed package's bin, as after npm install. */
function npxOfThePackage(): string {
  const bin = join(dir, "bin");
  mkdirSync(bin, { recursive: true });
  const main = packedFile("dist/cli/main.js");
  writeFileSync(
    join(bin, "npx"),
    `#!/bin/sh\n[ "$1" = kms-byok ] || exit 127\nshift\nexec "${process.execPath}" "${main}" "$@"\n`,
  );
  chmodSync(join(bin, "npx"), 0o755);
  return bin;
}

/** Resolves with everything `child` wrote to stdout once `text` appears in it. */
async function outputUntil(child: ChildProcess, text: string): Promise<string> {
  let output = "";
  for await (const chunk of child.stdout ?? []) {
    output += String(chunk);
    if (output.includes(text)) return output;
  }
  throw new Error(`the process ended without printing '${text}':\n${output}`);
}

describe("README: Set up", () => {
  it("serves keys that stay in ./kms-data from the packed package's kms-byok, as its block says", async () => {
    const [block = ""] = codeBlocks("README.md", "## Set up", "sh");
    const [install, serve] = block.split("\n").map((line) => line.replace(/\s+#.*$/, ""));
    // installPackage.mjs installed the packed package by name, as `npm install kms-byok` does.
    expect(install).toBe("npm install kms-byok");
    expect(serve).toBe("npx kms-byok serve --data ./kms-data");

    const cwd = join(dir, "setUp");
    mkdirSync(cwd);
    const env = { ...process.env, PATH: `${npxOfThePackage()}:${process.env["PATH"]}` };
    // Its own process group, so that SIGTERM reaches the server and not only the shell.
    const server = spawn("/bin/sh", ["-c", serve ?? ""], { cwd, env, detached: true });
    try {
      expect(await outputUntil(server, "http://127.0.0.1:4599")).toContain("is ready");
      const kms = new KMSClient({
        endpoint: "http://127.0.0.1:4599",
        region: "us-east-1",
        credentials: { accessKeyId: "local", secretAccessKey: "local" },
      });
      expect((await kms.send(new ListKeysCommand({}))).Keys).toEqual([]);
      kms.destroy();
    } finally {
      const exited = once(server, "exit");
      process.kill(-(server.pid ?? 0), "SIGTERM");
      await exited;
    }
    expect(existsSync(join(cwd, "kms-data/kms.sqlite"))).toBe(true);
    expect(existsSync(join(cwd, "kms-data/root.key"))).toBe(true);
  });
});

describe("docs/library.md", () => {
  it("keeps keys in kms.sqlite across runs of its SQL block, and refuses another root key", async () => {
    const cwd = join(dir, "librarySql");
    mkdirSync(cwd);
    writeFileSync(join(cwd, "root.key"), randomBytes(32));
    const run = () =>
      runProcess(process.execPath, ["--import", tsx, join(examples, "librarySql.ts")], {
        cwd,
        env: process.env,
      });

    expect(await run()).toEqual({ exitCode: 0, stdout: "PendingImport\n", stderr: "" });
    expect(await run()).toEqual({ exitCode: 0, stdout: "PendingImport\n", stderr: "" });
    writeFileSync(join(cwd, "root.key"), randomBytes(32));
    const refused = await run();
    expect(refused.exitCode).not.toBe(0);
    expect(refused.stderr).toMatch(/root key/i);
  });
});
