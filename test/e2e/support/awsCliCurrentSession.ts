import { constants } from "node:fs";
import { access, chmod, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect } from "vitest";
import { bundledCli } from "../../support/bundledCli.js";
import { type KmsEndpoint, startKmsEndpoint } from "../../support/kmsEndpoint.js";
import { awsClientEnvironment } from "./awsClientEnvironment.js";
import { type ProcessOutcome, runProcess } from "./runProcess.js";

// awsCliSession.ts for an endpoint of the current behaviour profile, with `kms-byok` on PATH too:
// the real AWS CLI v2 (`aws` is /usr/bin/aws, a symlink first on PATH) and the kms-byok command
// (src/cli/main.ts bundled, as test/support/bundledCli.ts makes it) in bash scripts that read like
// what a user types, each session in its own directory.

const awsCli = "/usr/bin/aws";

let endpoint: KmsEndpoint | undefined;
let root = "";
let env: NodeJS.ProcessEnv = {};

/**
 * Starts a current-profile endpoint (and checks the CLI is there) before the file's tests, and
 * stops it after.
 */
export function useAwsCliCurrentEndpoint(): void {
  beforeAll(start, 60_000);
  afterAll(stop);
}

async function start(): Promise<void> {
  try {
    await access(awsCli, constants.X_OK);
  } catch {
    throw new Error(
      `${awsCli} (AWS CLI v2) is missing; install it with: apt-get install -y awscli`,
    );
  }
  root = await mkdtemp(join(tmpdir(), "kms-byok-aws-cli-current-"));
  const bin = join(root, "bin");
  await mkdir(bin);
  await symlink(awsCli, join(bin, "aws"));
  const kmsByok = join(bin, "kms-byok");
  await writeFile(kmsByok, `#!/bin/sh\nexec '${process.execPath}' '${await bundledCli()}' "$@"\n`);
  await chmod(kmsByok, 0o755);
  env = await awsClientEnvironment(root, [bin]);
  endpoint = await startKmsEndpoint({ behaviour: "current" });
}

async function stop(): Promise<void> {
  await endpoint?.close();
  if (root !== "") await rm(root, { recursive: true, force: true });
}

/** The start of every `aws` command line: the CLI aimed at the endpoint. */
export function aws(): string {
  if (endpoint === undefined) throw new Error("the endpoint did not start");
  return `aws --endpoint-url ${endpoint.url}`;
}

/** A fresh working directory in which bash scripts run like a user's shell session. */
export async function shellSession() {
  const dir = await mkdtemp(join(root, "session-"));

  /** Runs `script` with `bash -c` (with `set -euo pipefail`) in the session's directory. */
  const run = (script: string): Promise<ProcessOutcome> =>
    runProcess("/bin/bash", ["-c", `set -euo pipefail\n${script}`], { cwd: dir, env });

  /** Runs `script` and returns its stdout; fails the test (showing stderr) unless it exits 0. */
  const succeed = async (script: string): Promise<string> => {
    const outcome = await run(script);
    expect({ exitCode: outcome.exitCode, stderr: outcome.stderr }).toEqual({
      exitCode: 0,
      stderr: "",
    });
    return outcome.stdout;
  };

  /** Runs `script`, which prints one JSON document, and parses it. */
  const json = async <T = Record<string, unknown>>(script: string): Promise<T> =>
    JSON.parse(await succeed(script)) as T;

  const file = (name: string): Promise<Buffer> => readFile(join(dir, name));

  return { dir, run, succeed, json, file };
}
