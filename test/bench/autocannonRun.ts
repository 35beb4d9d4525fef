import { createRequire } from "node:module";
import { nodeChild } from "./nodeChild.js";

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
export async function autocannonRun(run: LoadRun): Promise<LoadResult> {
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
  const result = JSON.parse(await nodeChild("autocannon", args)) as AutocannonJson;
  return {
    requestsPerSecond: result.requests.average,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}
