import type { SupportedWrappingKeySpec } from "../domain/wrappingTable.js";

/** Options of {@link wrappingKeyPool}. */
export interface WrappingKeyPoolOptions<T> {
  /** How many ready key pairs to keep per wrapping key spec; 0 turns the pool off. */
  readonly size: number;
  /** Makes one key pair (ready to hand out) of a spec. */
  readonly generate: (spec: SupportedWrappingKeySpec) => Promise<T>;
  /**
   * How long after a `take` the refill starts, in milliseconds; 100 when absent. The request
   * that took a pair finishes before key generation competes with it for the CPU, and the
   * timer does not keep a process alive.
   */
  readonly refillDelayMs?: number;
}

/** Pre-generated RSA wrapping key pairs, refilled in the background. */
export interface WrappingKeyPool<T> {
  /**
   * A key pair of `spec`, handed out once: a ready one when there is one, else one generated on
   * demand. Either way the pool of `spec` refills in the background, starting shortly after.
   */
  take(spec: SupportedWrappingKeySpec): Promise<T>;
  /**
   * Fills the pools of `specs` (every spec when absent); resolves when they are full, or when
   * filling stopped because the pool was closed or the generator failed.
   */
  fill(specs?: readonly SupportedWrappingKeySpec[]): Promise<void>;
  /** How many ready pairs of `spec` the pool holds now. */
  available(spec: SupportedWrappingKeySpec): number;
  /**
   * Stops refilling and drops every ready pair; resolves when key generation still running
   * (refills and on-demand takes) has ended, so no work is left behind. `take` still works afterwards, generating on demand.
   */
  close(): Promise<void>;
}

const allSpecs: readonly SupportedWrappingKeySpec[] = ["RSA_2048", "RSA_3072", "RSA_4096"];

/**
 * A pool of RSA wrapping key pairs per spec. RSA key generation takes 0.1–3 s, so
 * GetParametersForImport with a warm pool answers in well under a millisecond. Each pool refills
 * one pair at a time, only after it was used or asked to fill, and stops when full or closed.
 *
 * @example
 * ```ts
 * const pool = wrappingKeyPool({ size: 3, generate: generateWrappingKey });
 * await pool.fill(["RSA_4096"]);
 * const pair = await pool.take("RSA_4096"); // instant
 * await pool.close();
 * ```
 */
export function wrappingKeyPool<T>(options: WrappingKeyPoolOptions<T>): WrappingKeyPool<T> {
  if (!Number.isInteger(options.size) || options.size < 0) {
    throw new TypeError("The wrapping key pool size must be a whole number, 0 or more.");
  }
  const { generate, refillDelayMs = 100 } = options;
  const ready = new Map<SupportedWrappingKeySpec, T[]>();
  const refills = new Map<SupportedWrappingKeySpec, Promise<void>>();
  const scheduled = new Map<SupportedWrappingKeySpec, ReturnType<typeof setTimeout>>();
  let closed = false;

  const readyOf = (spec: SupportedWrappingKeySpec) => {
    let pairs = ready.get(spec);
    if (pairs === undefined) {
      pairs = [];
      ready.set(spec, pairs);
    }
    return pairs;
  };

  const onDemand = new Set<Promise<unknown>>();
  const short = (spec: SupportedWrappingKeySpec) => !closed && readyOf(spec).length < options.size;

  const refill = (spec: SupportedWrappingKeySpec): Promise<void> => {
    const running = refills.get(spec);
    if (running !== undefined) return running;
    if (!short(spec)) return Promise.resolve();
    // The loop awaits at least once, so the entry is set before the `finally` removes it, and it
    // is removed in the same step the loop ends: a take right after still schedules a refill.
    const run = (async () => {
      try {
        while (short(spec)) {
          const pair = await generate(spec);
          if (!closed) readyOf(spec).push(pair);
        }
      } catch {
        // A failing generator stops the refill; on-demand generation then reports the failure.
      } finally {
        refills.delete(spec);
      }
    })();
    refills.set(spec, run);
    return run;
  };

  const scheduleRefill = (spec: SupportedWrappingKeySpec) => {
    if (closed || options.size === 0 || scheduled.has(spec) || refills.has(spec)) return;
    const timer = setTimeout(() => {
      scheduled.delete(spec);
      void refill(spec);
    }, refillDelayMs);
    timer.unref();
    scheduled.set(spec, timer);
  };

  return {
    take: (spec) => {
      const pair = readyOf(spec).shift();
      scheduleRefill(spec);
      if (pair !== undefined) return Promise.resolve(pair);
      const generated = generate(spec);
      const settled: Promise<unknown> = generated.then(
        () => onDemand.delete(settled),
        () => onDemand.delete(settled),
      );
      onDemand.add(settled);
      return generated;
    },
    fill: async (specs = allSpecs) => {
      await Promise.all(specs.map(refill));
    },
    available: (spec) => readyOf(spec).length,
    close: async () => {
      closed = true;
      for (const timer of scheduled.values()) clearTimeout(timer);
      scheduled.clear();
      ready.clear();
      await Promise.all([...refills.values(), ...onDemand]);
    },
  };
}
