import { spawn } from "node:child_process";
import { createRequire } from "node:module";

/** One load run: the same request sent over and over on kept-alive connections. */
export interface LoadRun {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly connections: number;
  readonly seconds: number;
}

/** What a load run measured. */
export interface LoadResult {
  /** Mean requests per second over the run. */
  readonly requestsPerSecond: number;
  /** Answers that were not HTTP 2xx, and connection errors or timeouts. */
  readonly failures: number;
}

interface AutocannonJson {
  readonly requests: { readonly average: number };
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
}

const cli = createRequire(import.meta.url).resolve("autocannon/autocannon.js");

/**
 * Drives `run.url` with autocannon's CLI in a separate Node process (POST, keep-alive,
 * `run.connections` connections, one request in flight on each) for `run.seconds` seconds.
 */
export function autocannonRun(run: LoadRun): Promise<LoadResult> {
  const args = [
    cli,
    "--json",
    "--method",
    "POST",
    "--connections",
    String(run.connections),
    "--duration",
    String(run.seconds),
    "--body",
    run.body,
    ...Object.entries(run.headers).flatMap(([name, value]) => ["--headers", `${name}=${value}`]),
    run.url,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (text: string) => {
      stdout += text;
    });
    child.stderr.setEncoding("utf8").on("data", (text: string) => {
      stderr += text;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) {
        reject(new Error(`autocannon exited with ${code}: ${stderr}`));
        return;
      }
      const result = JSON.parse(stdout) as AutocannonJson;
      resolve({
        requestsPerSecond: result.requests.average,
        failures: result.non2xx + result.errors + result.timeouts,
      });
    });
  });
}
