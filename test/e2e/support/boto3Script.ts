import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { awsClientEnvironment } from "./awsClientEnvironment.js";
import { runProcess } from "./runProcess.js";

// Debian's python3 and boto3 (not whatever python3 comes first on PATH) run a script of
// test/e2e against an endpoint; the script prints what it observed as one JSON object.

const python = "/usr/bin/python3";

/** What a boto3 script observed, and when it ran (milliseconds since the epoch). */
export interface Boto3Run<Observations> {
  readonly observed: Observations;
  readonly startedAt: number;
  readonly finishedAt: number;
}

/**
 * Runs test/e2e/`script` with `endpointUrl` as its one argument, in a throwaway directory and
 * AWS client environment (see {@link awsClientEnvironment}), and parses its stdout. Throws,
 * with what to install or the script's stderr, unless boto3 imports and the script exits 0.
 */
export async function runBoto3Script<Observations>(
  script: string,
  endpointUrl: string,
): Promise<Boto3Run<Observations>> {
  const dir = await mkdtemp(join(tmpdir(), "kms-byok-boto3-"));
  try {
    // No __pycache__ in test/e2e when a script imports another (boto3EverydayCalls.py does).
    const env = { ...(await awsClientEnvironment(dir)), PYTHONDONTWRITEBYTECODE: "1" };
    const probe = await runProcess(python, ["-c", "import boto3"], { env }).catch(() => undefined);
    if (probe?.exitCode !== 0) {
      throw new Error(
        `${python} cannot import boto3; install Debian's boto3 with: apt-get install -y python3-boto3`,
      );
    }
    const path = fileURLToPath(new URL(`../${script}`, import.meta.url));
    const startedAt = Date.now();
    const run = await runProcess(python, [path, endpointUrl], { cwd: dir, env });
    const finishedAt = Date.now();
    if (run.exitCode !== 0) {
      throw new Error(`${script} exited with ${run.exitCode}:\n${run.stderr}`);
    }
    return { observed: JSON.parse(run.stdout) as Observations, startedAt, finishedAt };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
