import { randomBytes } from "node:crypto";
import { createKmsServer, type KmsServer } from "../../src/http/index.js";
import { autocannonRun, type LoadResult } from "./autocannonRun.js";
import { type BareServer, bareDescribeKey, bareEncrypt, bareJsonServer } from "./bareJsonServer.js";
import { alternatingRounds } from "./measure.js";
import { benchCredential, type SignedKmsRequest, signedKmsRequest } from "./signedKmsRequest.js";
import type { MeasuredSection, TargetCheck } from "./targetCheck.js";

/** Throughput of one operation through `kms-byok serve`, next to a bare `node:http` server. */
export interface ServeThroughputRow {
  /** `open`: no credentials; `verified`: every signature recomputed and checked. */
  readonly mode: "open" | "verified";
  readonly operation: "DescribeKey" | "Encrypt";
  /** Requests per second in the round whose ratio is the median one. */
  readonly kmsPerSecond: number;
  readonly barePerSecond: number;
  /** The median over the rounds of each round's kms-byok rate over the bare rate run next to it. */
  readonly ratio: number;
  /** The least ratio issue 16 asks for, when it asks for one. */
  readonly target: number | undefined;
}

/** How long and how hard to drive each server. */
export interface ServeThroughputOptions {
  /** Seconds of each measured run; 2 when absent. */
  readonly seconds?: number;
  /** Kept-alive connections, one request in flight on each; 16 when absent. */
  readonly connections?: number;
  /** Measured runs of each server per case, in alternating order; 5 when absent. */
  readonly rounds?: number;
}

const plaintextBytes = 32;

/**
 * Requests per second of DescribeKey and Encrypt (32-byte plaintext) through `createKmsServer`
 * (nodeCrypto, memory store, as `kms-byok serve` runs by default) in open mode and in verified
 * mode, next to a bare `node:http` server that reads the body, `JSON.parse`s it and answers JSON
 * of the same shape and size (for Encrypt after AES-256-GCM encrypting the plaintext under a fixed
 * key with a random IV). The load comes from autocannon in a separate process: the same
 * SigV4-signed request (signed once with `@smithy/signature-v4`, then replayed), kept-alive
 * connections. Each case runs the two servers in turn, alternating which goes first, after a
 * warm-up run of each, and takes the median of the rounds' ratios: this machine kind's speed
 * swings by half for seconds at a time, which moved a ratio of two long runs by ±0.2, while
 * two runs side by side see the same machine.
 */
export async function serveThroughput(
  options: ServeThroughputOptions = {},
): Promise<MeasuredSection<ServeThroughputRow>> {
  const { seconds = 2, connections = 16, rounds = 5 } = options;
  const quiet = () => {};
  const open = createKmsServer({ onInternalError: quiet });
  const verified = createKmsServer({ credentials: [benchCredential], onInternalError: quiet });
  const bare: BareServer[] = [];
  try {
    const openUrl = await listening(open);
    const verifiedUrl = await listening(verified);
    const openKey = await createKey(openUrl);
    const verifiedKey = await createKey(verifiedUrl);
    const describeBody = JSON.stringify({ KeyId: openKey });
    const encryptBody = JSON.stringify({
      KeyId: openKey,
      Plaintext: randomBytes(plaintextBytes).toString("base64"),
    });
    const described = (await call(openUrl, "DescribeKey", describeBody)) as {
      KeyMetadata: { Arn: string };
    };
    const encrypted = (await call(openUrl, "Encrypt", encryptBody)) as { CiphertextBlob: string };
    const blobBytes = Buffer.from(encrypted.CiphertextBlob, "base64").length;
    const describeServer = await bareJsonServer(bareDescribeKey(described));
    const encryptServer = await bareJsonServer(
      bareEncrypt(described.KeyMetadata.Arn, blobBytes - 12 - plaintextBytes - 16),
    );
    bare.push(describeServer, encryptServer);

    const cases: readonly Case[] = [
      { mode: "open", operation: "DescribeKey", url: openUrl, keyId: openKey, target: 0.6 },
      { mode: "open", operation: "Encrypt", url: openUrl, keyId: openKey, target: 0.5 },
      {
        mode: "verified",
        operation: "DescribeKey",
        url: verifiedUrl,
        keyId: verifiedKey,
        target: 0.4,
      },
      {
        mode: "verified",
        operation: "Encrypt",
        url: verifiedUrl,
        keyId: verifiedKey,
        target: undefined,
      },
    ];
    const rows: ServeThroughputRow[] = [];
    for (const each of cases) {
      const body = each.operation === "DescribeKey" ? describeBody : encryptBody;
      const kmsRequest = await signedKmsRequest(
        each.url,
        each.operation,
        body.replace(openKey, each.keyId),
      );
      const bareServer = each.operation === "DescribeKey" ? describeServer : encryptServer;
      const bareRequest = await signedKmsRequest(bareServer.url, each.operation, body);
      const drive = (url: string, request: SignedKmsRequest, runSeconds: number) =>
        autocannonRun({ url, ...request, connections, seconds: runSeconds }).then(checked);
      await drive(each.url, kmsRequest, 1);
      await drive(bareServer.url, bareRequest, 1);
      const perSecondOf = (url: string, request: SignedKmsRequest) => () =>
        drive(url, request, seconds).then((run) => run.requestsPerSecond);
      const median = await alternatingRounds(
        rounds,
        perSecondOf(each.url, kmsRequest),
        perSecondOf(bareServer.url, bareRequest),
      );
      rows.push({
        mode: each.mode,
        operation: each.operation,
        kmsPerSecond: median.a,
        barePerSecond: median.b,
        ratio: median.ratio,
        target: each.target,
      });
    }
    const checks = rows.flatMap((row): TargetCheck[] =>
      row.target === undefined
        ? []
        : [
            {
              target: `serve, ${row.mode} mode: ${row.operation} ≥ ${row.target}× the bare node:http server (autocannon, ${connections} connections)`,
              measured: `${row.ratio.toFixed(2)}× (${perSecond(row.kmsPerSecond)} vs ${perSecond(row.barePerSecond)})`,
              met: row.ratio >= row.target,
            },
          ],
    );
    return {
      rows,
      table: serveThroughputTable(rows),
      checks,
    };
  } finally {
    await Promise.all([open.close(), verified.close(), ...bare.map((server) => server.close())]);
  }
}

/** The Markdown table of `rows`. */
export function serveThroughputTable(rows: readonly ServeThroughputRow[]): string {
  return [
    "| Mode | Operation | kms-byok serve | Bare node:http | Ratio | Target |",
    "|---|---|---|---|---|---|",
    ...rows.map(
      (row) =>
        `| ${row.mode} | ${row.operation} | ${perSecond(row.kmsPerSecond)} | ${perSecond(row.barePerSecond)} | ${row.ratio.toFixed(2)}× | ${row.target === undefined ? "–" : `≥ ${row.target}×`} |`,
    ),
  ].join("\n");
}

interface Case {
  readonly mode: "open" | "verified";
  readonly operation: "DescribeKey" | "Encrypt";
  readonly url: string;
  readonly keyId: string;
  readonly target: number | undefined;
}

async function listening(server: KmsServer): Promise<string> {
  const address = await server.listen({ port: 0 });
  if (address.isErr()) throw new Error(address.error.message);
  return address.value.url;
}

/** Sends one signed request and returns the parsed answer; throws unless it is HTTP 200. */
async function call(url: string, operation: string, body: string): Promise<unknown> {
  const { headers } = await signedKmsRequest(url, operation, body);
  const { host: _, ...sent } = headers;
  const response = await fetch(url, { method: "POST", headers: sent, body });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${operation} answered ${response.status}: ${text}`);
  return JSON.parse(text);
}

async function createKey(url: string): Promise<string> {
  const created = (await call(url, "CreateKey", JSON.stringify({ Description: "bench" }))) as {
    KeyMetadata: { KeyId: string };
  };
  return created.KeyMetadata.KeyId;
}

function checked(result: LoadResult): LoadResult {
  if (result.failures > 0) throw new Error(`${result.failures} requests failed under load`);
  return result;
}

function perSecond(value: number): string {
  return `${Math.round(value).toLocaleString("en")}/s`;
}
