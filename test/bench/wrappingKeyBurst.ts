import { availableParallelism } from "node:os";
import { nodeCrypto } from "../../src/adapters/nodeCrypto.js";
import { serveCryptoOptions } from "../../src/cli/wrappingKeyOptions.js";
import type { SupportedWrappingKeySpec } from "../../src/domain/wrappingTable.js";
import { createKmsServer } from "../../src/http/index.js";
import { percentile } from "./measure.js";
import { nodeChild } from "./nodeChild.js";
import { signedKmsRequest } from "./signedKmsRequest.js";
import type { MeasuredSection, TargetCheck } from "./targetCheck.js";

/** One burst of concurrent GetParametersForImport against `kms-byok serve`'s setup. */
export interface WrappingKeyBurstRow {
  /** `warm pool`: the spec prefilled with `poolSize` pairs first; `no warm pool`: nothing prefilled. */
  readonly pool: "warm pool" | "no warm pool";
  readonly spec: SupportedWrappingKeySpec;
  readonly poolSize: number;
  /** How long the prefill took (0 without one), in milliseconds. */
  readonly prefillMs: number;
  readonly requests: number;
  /** Answered 200 with a parameter set. */
  readonly answered: number;
  /** Answered 400 `ThrottlingException`. */
  readonly throttled: number;
  /** Anything else. */
  readonly failed: number;
  readonly p50Ms: number;
  readonly maxMs: number;
  /** The slowest 200 answer, in milliseconds (0 when none). */
  readonly maxAnsweredMs: number;
}

/** The size of the burst and of the pool. */
export interface WrappingKeyBurstOptions {
  /** The wrapping key spec requested; RSA_4096 when absent. */
  readonly spec?: SupportedWrappingKeySpec;
  /** Concurrent requests; 200 when absent. */
  readonly requests?: number;
  /** `--pool-size` of the warm run; `requests` when absent. */
  readonly poolSize?: number;
}

/** The AWS CLI's and boto3's read timeout. */
const clientTimeoutMs = 60_000;

/**
 * A burst of `requests` concurrent GetParametersForImport (`spec`, RSAES_OAEP_SHA_256, each for
 * its own EXTERNAL key) against `createKmsServer` configured as `kms-byok serve --warm <spec>
 * --pool-size <poolSize>` configures it (nodeCrypto, memory store, `serveCryptoOptions`), once
 * after the prefill and once on a fresh server with nothing prefilled. The requests come from a
 * separate Node process (test/bench/burstClient.ts) with `fetch`, all sent at once on kept-alive
 * connections; latency is counted there from the start of the burst.
 */
export async function wrappingKeyBurst(
  options: WrappingKeyBurstOptions = {},
): Promise<MeasuredSection<WrappingKeyBurstRow>> {
  const { spec = "RSA_4096", requests = 200 } = options;
  const poolSize = options.poolSize ?? requests;
  const warm = await burst(spec, requests, poolSize, true);
  const cold = await burst(spec, requests, poolSize, false);
  const rows = [warm, cold];
  const checks: TargetCheck[] = [
    {
      target: `serve --warm ${spec} --pool-size ${poolSize}: ${requests} concurrent ${spec} GetParametersForImport all answered within 1 s`,
      measured: `${warm.answered}/${requests} answered, max ${seconds(warm.maxMs)} (prefill ${seconds(warm.prefillMs)})`,
      met: warm.answered === requests && warm.maxMs <= 1_000,
    },
    {
      target: `serve without a warm ${spec} pool: every request answered within ${clientTimeoutMs / 1000} s, the ones not served ThrottlingException`,
      measured: `${cold.answered} answered, ${cold.throttled} throttled, ${cold.failed} other; max ${seconds(cold.maxMs)}`,
      met: cold.failed === 0 && cold.maxMs < clientTimeoutMs,
    },
  ];
  return { rows, table: wrappingKeyBurstTable(rows), checks };
}

/** The Markdown table of `rows`. */
export function wrappingKeyBurstTable(rows: readonly WrappingKeyBurstRow[]): string {
  return [
    `| Pool (${availableParallelism()} cores) | Prefill | Requests | Answered | ThrottlingException | Other | p50 | Max | Max answered |`,
    "|---|---|---|---|---|---|---|---|---|",
    ...rows.map(
      (row) =>
        `| ${row.pool === "warm pool" ? `--warm ${row.spec} --pool-size ${row.poolSize}` : `no warm ${row.spec} pool`} | ${row.pool === "warm pool" ? seconds(row.prefillMs) : "–"} | ${row.requests} | ${row.answered} | ${row.throttled} | ${row.failed} | ${seconds(row.p50Ms)} | ${seconds(row.maxMs)} | ${seconds(row.maxAnsweredMs)} |`,
    ),
  ].join("\n");
}

async function burst(
  spec: SupportedWrappingKeySpec,
  requests: number,
  poolSize: number,
  prefill: boolean,
): Promise<WrappingKeyBurstRow> {
  const crypto = nodeCrypto(serveCryptoOptions({ warm: prefill ? [spec] : [], poolSize }));
  const server = createKmsServer({ crypto, onInternalError: () => {} });
  try {
    const address = await server.listen({ port: 0 });
    if (address.isErr()) throw new Error(address.error.message);
    const { url } = address.value;
    const start = performance.now();
    if (prefill) await crypto.prefill([spec]);
    const prefillMs = prefill ? performance.now() - start : 0;
    const signed = [];
    for (let i = 0; i < requests; i++) {
      const KeyId = await createExternalKey(url);
      const body = JSON.stringify({
        KeyId,
        WrappingAlgorithm: "RSAES_OAEP_SHA_256",
        WrappingKeySpec: spec,
      });
      signed.push(await signedKmsRequest(url, "GetParametersForImport", body));
    }
    const answers = await runBurstClient(url, signed);
    const times = answers.map((answer) => answer.ms);
    const answered = answers.filter((answer) => answer.status === 200);
    const throttled = answers.filter(
      (answer) => answer.status === 400 && answer.type === "ThrottlingException",
    ).length;
    return {
      pool: prefill ? "warm pool" : "no warm pool",
      spec,
      poolSize,
      prefillMs,
      requests,
      answered: answered.length,
      throttled,
      failed: requests - answered.length - throttled,
      p50Ms: percentile(times, 50),
      maxMs: Math.max(...times),
      maxAnsweredMs: Math.max(0, ...answered.map((answer) => answer.ms)),
    };
  } finally {
    await server.close();
    await crypto.close();
  }
}

async function createExternalKey(url: string): Promise<string> {
  const { headers, body } = await signedKmsRequest(url, "CreateKey", '{"Origin":"EXTERNAL"}');
  const { host: _host, ...sent } = headers;
  const response = await fetch(url, { method: "POST", headers: sent, body });
  const created = (await response.json()) as { KeyMetadata: { KeyId: string } };
  return created.KeyMetadata.KeyId;
}

interface BurstAnswer {
  readonly status: number;
  readonly type: string;
  readonly ms: number;
}

/** Runs test/bench/burstClient.ts in its own Node process (through tsx) and returns its answers. */
async function runBurstClient(
  url: string,
  requests: readonly {
    readonly headers: Readonly<Record<string, string>>;
    readonly body: string;
  }[],
): Promise<BurstAnswer[]> {
  const client = new URL("./burstClient.ts", import.meta.url).pathname;
  const output = await nodeChild(
    "the burst client",
    ["--import", "tsx", client],
    JSON.stringify({ url, requests }),
  );
  return JSON.parse(output) as BurstAnswer[];
}

function seconds(ms: number): string {
  return ms >= 1_000 ? `${(ms / 1_000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}
