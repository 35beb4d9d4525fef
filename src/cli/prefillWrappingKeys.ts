import type { NodeCrypto } from "../adapters/nodeCrypto.js";
import type { SupportedWrappingKeySpec } from "../domain/wrappingTable.js";
import type { CliIo } from "./cliIo.js";
import type { WrappingKeyOptions } from "./wrappingKeyOptions.js";

/** What a prefill left ready, for the banner. */
export interface PrefilledWrappingKeys {
  /** Each warmed spec and how many pairs of it were ready when the prefill ended. */
  readonly ready: readonly { readonly spec: SupportedWrappingKeySpec; readonly count: number }[];
  readonly poolSize: number;
  /** How long the prefill took, in milliseconds. */
  readonly elapsedMs: number;
}

/** How often a long prefill tells its progress. */
const progressIntervalMs = 5_000;

/**
 * Fills the wrapping key pools of `options.warm` to `options.poolSize`, telling on stdout what
 * it generates and, every 5 seconds while it runs, how many pairs are ready.
 */
export async function prefillWrappingKeys(
  crypto: NodeCrypto,
  options: WrappingKeyOptions,
  io: CliIo,
): Promise<PrefilledWrappingKeys> {
  const { warm, poolSize } = options;
  const start = performance.now();
  const counts = () => warm.map((spec) => ({ spec, count: crypto.readyWrappingKeys(spec) }));
  io.stdout(
    `kms-byok serve: generating wrapping keys: ${warm.map((spec) => `${spec} ×${poolSize}`).join(", ")} …\n`,
  );
  const progress = setInterval(() => {
    const seconds = ((performance.now() - start) / 1_000).toFixed(0);
    const ready = counts().map(({ spec, count }) => `${spec} ${count}/${poolSize}`);
    io.stdout(`kms-byok serve: wrapping keys ready: ${ready.join(", ")} (${seconds} s)\n`);
  }, progressIntervalMs).unref();
  try {
    await crypto.prefill(warm);
  } finally {
    clearInterval(progress);
  }
  return { ready: counts(), poolSize, elapsedMs: performance.now() - start };
}
