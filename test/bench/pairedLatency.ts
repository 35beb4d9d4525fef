import { type Latency, percentile } from "./measure.js";

/**
 * Times each of `runs` once per round, `samples` rounds after `warmup` untimed ones, in a fresh
 * random order every round, so that none goes first, or after a given other run (whose garbage
 * collection or cache traffic it might pay for), more often than the rest. Returns one latency
 * per run.
 */
export async function interleavedLatency(
  samples: number,
  runs: readonly (() => unknown)[],
  warmup = 20,
): Promise<Latency[]> {
  const times: number[][] = runs.map(() => []);
  for (let round = 0; round < warmup + samples; round++) {
    for (const which of shuffled(runs.length)) {
      const run = runs[which] as () => unknown;
      const start = performance.now();
      await run();
      const elapsed = performance.now() - start;
      if (round >= warmup) times[which]?.push(elapsed);
    }
  }
  return times.map((list) => ({
    samples,
    p50: percentile(list, 50),
    p99: percentile(list, 99),
  }));
}

/** 0 … n-1 in a random order (Fisher–Yates). */
function shuffled(n: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}

/** Latency of two ways of doing the same thing, measured in the same run. */
export interface PairedLatency {
  readonly a: Latency;
  readonly b: Latency;
}

/** {@link interleavedLatency} of two runs. */
export async function pairedLatency(
  samples: number,
  a: () => unknown,
  b: () => unknown,
  warmup = 20,
): Promise<PairedLatency> {
  const [latencyA, latencyB] = await interleavedLatency(samples, [a, b], warmup);
  if (latencyA === undefined || latencyB === undefined) throw new Error("two runs, two latencies");
  return { a: latencyA, b: latencyB };
}
