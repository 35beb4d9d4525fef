/** Latency statistics of one benchmark cell, in milliseconds. */
export interface Latency {
  readonly samples: number;
  readonly p50: number;
  readonly p99: number;
}

/** The `p`-th percentile (0–100) of `values`, nearest-rank. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

/**
 * Runs `prepare` (untimed) then `run` (timed) `samples` times, after `warmup` untimed rounds.
 */
export async function sampleLatency(
  samples: number,
  run: () => Promise<unknown>,
  prepare: () => Promise<unknown> = async () => {},
  warmup = 3,
): Promise<Latency> {
  const times: number[] = [];
  for (let i = 0; i < warmup + samples; i++) {
    await prepare();
    const start = performance.now();
    await run();
    const elapsed = performance.now() - start;
    if (i >= warmup) times.push(elapsed);
  }
  return { samples, p50: percentile(times, 50), p99: percentile(times, 99) };
}

/** Operations per second of `run`, called back to back for about `durationMs`. */
export async function throughput(run: () => unknown, durationMs = 1_000): Promise<number> {
  for (let i = 0; i < 200; i++) await run();
  let count = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < durationMs) {
    for (let i = 0; i < 50; i++) await run();
    count += 50;
    elapsed = performance.now() - start;
  }
  return (count / elapsed) * 1_000;
}

/** Operations per second of two runs, measured side by side in rounds. */
export interface PairedThroughput {
  /** The rates of the round whose ratio is the median one. */
  readonly a: number;
  readonly b: number;
  /** The median over the rounds of a round's `a` rate over its `b` rate. */
  readonly ratio: number;
}

/** The round of `aRates[i]` next to `bRates[i]` whose ratio is the median (the lower of two). */
export function medianRound(
  aRates: readonly number[],
  bRates: readonly number[],
): PairedThroughput {
  const rounds = aRates
    .map((a, i) => ({ a, b: bRates[i] as number, ratio: a / (bRates[i] as number) }))
    .sort((x, y) => x.ratio - y.ratio);
  const median = rounds[Math.ceil(rounds.length / 2) - 1];
  if (median === undefined) throw new RangeError("medianRound needs at least one round.");
  return median;
}

/**
 * {@link throughput} of `a` and of `b` in `rounds` rounds of `roundMs` each, one right after the
 * other, alternating which goes first. This machine kind's speed swings by half for seconds at
 * a time; two runs side by side see the same machine, so the median of the rounds' ratios
 * compares the code and not the moment.
 */
export async function pairedThroughput(
  a: () => unknown,
  b: () => unknown,
  rounds = 5,
  roundMs = 400,
): Promise<PairedThroughput> {
  const aRates: number[] = [];
  const bRates: number[] = [];
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) aRates.push(await throughput(a, roundMs));
    bRates.push(await throughput(b, roundMs));
    if (round % 2 === 1) aRates.push(await throughput(a, roundMs));
  }
  return medianRound(aRates, bRates);
}

/** A millisecond figure with sensible precision (in microseconds below 0.1 ms). */
export function ms(value: number): string {
  if (value >= 100) return `${value.toFixed(0)} ms`;
  if (value >= 1) return `${value.toFixed(1)} ms`;
  if (value >= 0.1) return `${value.toFixed(2)} ms`;
  return `${(value * 1_000).toFixed(1)} µs`;
}
