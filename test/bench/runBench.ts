// `npm run bench`: measures what DESIGN's performance section promises and prints Markdown
// tables for the README. A benchmark, not a test: it exits 1 when a target is missed.
import { cpus, totalmem } from "node:os";
import type { SupportedWrappingKeySpec } from "../../src/domain/wrappingTable.js";
import { dataPlaneThroughput } from "./dataPlaneThroughput.js";
import { bareRsaDecryptLatency, fullImportLatency, getParametersLatency } from "./importLatency.js";
import { ms } from "./measure.js";

const specs: readonly [SupportedWrappingKeySpec, number][] = [
  ["RSA_2048", 30],
  ["RSA_3072", 20],
  ["RSA_4096", 15],
];
const scale = Number(process.env["BENCH_SCALE"] ?? "1");
const samplesOf = (n: number) => Math.max(3, Math.round(n * scale));

const cpu = cpus()[0]?.model ?? "unknown CPU";
console.log(
  `Machine: ${cpu}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB; ` +
    `Node ${process.versions.node}, OpenSSL ${process.versions.openssl}.\n`,
);

const failures: string[] = [];

console.log("GetParametersForImport latency (nodeCrypto, memory store)\n");
console.log(
  "| Wrapping key | Samples | Warm pool p50 | Warm pool p99 | Per call p50 | Per call p99 | Speed-up (p50) |",
);
console.log("|---|---|---|---|---|---|---|");
for (const [spec, n] of specs) {
  const warm = await getParametersLatency(spec, "warm pool", samplesOf(n));
  const cold = await getParametersLatency(spec, "per call", samplesOf(n));
  const speedUp = cold.p50 / warm.p50;
  console.log(
    `| ${spec} | ${warm.samples} | ${ms(warm.p50)} | ${ms(warm.p99)} | ${ms(cold.p50)} | ${ms(cold.p99)} | ${speedUp.toFixed(0)}× |`,
  );
  if (spec === "RSA_4096" && speedUp < 50)
    failures.push(`RSA_4096 warm pool only ${speedUp.toFixed(1)}× faster (target ≥ 50×)`);
}

console.log(
  "\nOne full import (GetParametersForImport + wrap + ImportKeyMaterial, RSAES_OAEP_SHA_256, warm pool)\n",
);
console.log(
  "| Wrapping key | Samples | Full import p50 | Full import p99 | Bare privateDecrypt p50 | Ratio (p50) |",
);
console.log("|---|---|---|---|---|---|");
for (const [spec, n] of specs) {
  const full = await fullImportLatency(spec, samplesOf(2 * n));
  const bare = await bareRsaDecryptLatency(spec, samplesOf(10 * n));
  const ratio = full.p50 / bare.p50;
  console.log(
    `| ${spec} | ${full.samples} | ${ms(full.p50)} | ${ms(full.p99)} | ${ms(bare.p50)} | ${ratio.toFixed(2)}× |`,
  );
  // The target is for RSA_4096, where the RSA work dominates, as for the pool target. With
  // smaller keys the fixed costs (the customer's wrap, sealing, storing: about 0.6 ms) weigh more.
  if (spec === "RSA_4096" && ratio > 2) {
    failures.push(`RSA_4096 full import ${ratio.toFixed(2)}× the bare RSA decrypt (target ≤ 2×)`);
  }
}

console.log("\nData plane (testCrypto, memory store, one key, EncryptionContext of one pair)\n");
console.log("| Operation | Plaintext | kms-byok ops/s | Bare AES-256-GCM ops/s | Share of bare |");
console.log("|---|---|---|---|---|");
for (const bytes of [32, 4096]) {
  for (const cell of await dataPlaneThroughput(bytes)) {
    console.log(
      `| ${cell.operation} | ${cell.plaintextBytes} B | ${Math.round(cell.kmsPerSecond).toLocaleString("en")} | ${Math.round(cell.barePerSecond).toLocaleString("en")} | ${((100 * cell.kmsPerSecond) / cell.barePerSecond).toFixed(0)} % |`,
    );
  }
}

if (failures.length > 0) {
  console.error(`\nTargets missed:\n- ${failures.join("\n- ")}`);
  process.exitCode = 1;
} else {
  console.log(
    "\nTargets met for RSA_4096: warm pool ≥ 50× faster than per call; full import ≤ 2× the bare RSA decrypt.",
  );
}
