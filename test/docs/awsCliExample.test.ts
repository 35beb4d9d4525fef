import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isRunning, killLeftoverServes, startServe } from "../cli/kmsByok.js";
import { awsClientEnvironment } from "../e2e/support/awsClientEnvironment.js";
import { runProcess } from "../e2e/support/runProcess.js";
import { bundledCli } from "../support/bundledCli.js";
import { codeBlocks } from "./codeBlocks.js";

/** A bin directory where `aws` is /usr/bin/aws and `npx kms-byok` is this checkout's command. */
async function clientBin(dir: string): Promise<string> {
  const bin = join(dir, "bin");
  mkdirSync(bin);
  symlinkSync("/usr/bin/aws", join(bin, "aws"));
  const main = await bundledCli();
  writeFileSync(
    join(bin, "npx"),
    `#!/bin/sh\n[ "$1" = kms-byok ] || exit 127\nshift\nexec "${process.execPath}" "${main}" "$@"\n`,
  );
  chmodSync(join(bin, "npx"), 0o755);
  return bin;
}

afterAll(killLeftoverServes);

describe("docs/endpoint.md: Use it with the AWS CLI", () => {
  it("imports key material with the AWS CLI and kms-byok wrap when its two blocks run as written", async () => {
    const [serveBlock = "", clientBlock = ""] = codeBlocks(
      "docs/endpoint.md",
      "## Use it with the AWS CLI",
      "sh",
    );
    expect(serveBlock).toMatch(/^npx kms-byok serve\b/);

    // The one change: a free port instead of 4599, which another process may hold.
    const serve = await startServe("--port", "0");
    if (!isRunning(serve)) throw new Error(`kms-byok serve did not start: ${serve.stderr}`);
    const dir = mkdtempSync(join(tmpdir(), "kms-byok-readme-cli-"));
    const script = clientBlock.replaceAll("http://127.0.0.1:4599", serve.url);
    const env = await awsClientEnvironment(dir, [await clientBin(dir)]);

    const run = await runProcess(
      "/bin/bash",
      ["--norc", "--noprofile", "-euo", "pipefail", "-c", script],
      {
        cwd: dir,
        env,
        timeoutMs: 90_000,
      },
    );
    serve.kill("SIGTERM");

    expect(run.stderr).toBe("");
    expect(run.exitCode).toBe(0);
    // Besides wrap's report, the only output is describe-key's: import-key-material prints nothing.
    const [wrapReport, ...rest] = run.stdout.split(/\n(?! {2}wrote )/);
    expect(wrapReport).toMatch(/^kms-byok wrap: wrapped 32 bytes/);
    expect(rest).toEqual([
      expect.stringMatching(/^Enabled\t\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/),
      "",
    ]);
    expect(readFileSync(join(dir, "PlaintextKeyMaterial.bin"))).toHaveLength(32);
    expect((await serve.exited).code).toBe(0);
  }, 120_000);
});
