// Runs vitest in a child process for the campaign scripts (test/mutants, test/seeds), which run
// one test file many times. Ctrl-C or SIGTERM stops every run still going, and the script exits
// (130 or 143) as soon as one of them has ended, so its own 'exit' handlers still clean up.
import { type ChildProcess, spawn } from "node:child_process";
import { findPostgresBinDir, startThrowawayCluster } from "./postgres/throwawayCluster.js";

/** How a vitest run ended (`status` null: timed out or killed) and everything it printed. */
export interface VitestRun {
  readonly status: number | null;
  readonly output: string;
}

export interface RunVitestOptions {
  readonly cwd: string;
  /** Added to this process's environment; `NO_COLOR` is always set. */
  readonly env?: Readonly<Record<string, string>>;
  /** Default 10 minutes. */
  readonly timeoutMs?: number;
}

const exitCodes = { SIGINT: 130, SIGTERM: 143 } as const;
const running = new Set<ChildProcess>();
let interrupted: keyof typeof exitCodes | undefined;
let listening = false;

/** Runs `npx vitest run ...args` and collects its output. */
export async function runVitest(
  args: readonly string[],
  { cwd, env = {}, timeoutMs = 10 * 60_000 }: RunVitestOptions,
): Promise<VitestRun> {
  stopOnInterrupt();
  const postgres = await sharedPostgresUrl();
  const child = spawn("npx", ["vitest", "run", ...args], {
    cwd,
    env: {
      ...process.env,
      ...(postgres === undefined ? {} : { KMS_BYOK_TEST_POSTGRES_URL: postgres }),
      ...env,
      NO_COLOR: "1",
    },
    timeout: timeoutMs,
  });
  running.add(child);
  let output = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  const status = await new Promise<number | null>((done, fail) => {
    child.on("error", fail).on("close", done);
  });
  running.delete(child);
  if (interrupted !== undefined) process.exit(exitCodes[interrupted]);
  return { status, output };
}

let postgres: Promise<string | undefined> | undefined;

/**
 * One PostgreSQL server for every run of a campaign, so that each vitest run does not start a
 * cluster of its own (about 2 s each): KMS_BYOK_TEST_POSTGRES_URL when set, else a throwaway
 * cluster (stopped when this process exits), else none.
 */
function sharedPostgresUrl(): Promise<string | undefined> {
  postgres ??=
    process.env["KMS_BYOK_TEST_POSTGRES_URL"] !== undefined || findPostgresBinDir() === undefined
      ? Promise.resolve(undefined)
      : startThrowawayCluster().then((cluster) => cluster.url);
  return postgres;
}

// tsx kills a script that does not answer Ctrl-C at once; answering it stops the children.
function stopOnInterrupt(): void {
  if (listening) return;
  listening = true;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      interrupted = signal;
      for (const child of running) child.kill(signal);
    });
  }
}
