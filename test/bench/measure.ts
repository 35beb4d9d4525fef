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

/**
 * Rates of `a` and of `b` measured in `rounds` rounds, one right after the other, alternating
 * which goes first. This machine kind's speed swings by half for seconds at a time; two runs
 * side by side see the same machine, so the median of the rounds' ratios compares the code and
 * not the moment. Returns the round whose ratio is the median (the lower of two).
 */
export async function alternatingRounds(
  rounds: number,
  a: () => Promise<number>,
  b: () => Promise<number>,
): Promise<PairedThroughput> {
  const measured: PairedThroughput[] = [];
  for (let round = 0; round < rounds; round++) {
    let aRate: number;
    let bRate: number;
    if (round % 2 === 0) {
      aRate = await a();
      bRate = await b();
    } else {
      bRate = await b();
      aRate = await a();
    }
    measured.push({ a: aRate, b: bRate, ratio: aRate / bRate });
  }
  measured.sort((x, y) => x.ratio - y.ratio);
  const median = measured[Math.ceil(measured.length / 2) - 1];
  if (median === undefined) throw new RangeError("alternatingRounds needs at least one round.");
  return median;
}

/** {@link throughput} of `a` and of `b` in {@link alternatingRounds} of `roundMs` each. */
export function pairedThroughput(
  a: () => unknown,
  b: () => unknown,
  rounds = 5,
  roundMs = 400,
): Promise<PairedThroughput> {
  return alternatingRounds(
    rounds,
    () => throughput(a, roundMs),
    () => throughput(b, roundMs),
  );
}

/** A millisecond figure with sensible precision (in microseconds below 0.1 ms). */
export function ms(value: number): string {
  if (value >= 100) return `${value.toFixed(0)} ms`;
  if (value >= 1) return `${value.toFixed(1)} ms`;
  if (value >= 0.1) return `${value.toFixed(2)} ms`;
  return `${(value * 1_000).toFixed(1)} µs`;
}
