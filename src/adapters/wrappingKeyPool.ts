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
  /**
   * How many pairs of one spec it generates at once while filling or refilling; 1 when absent.
   * More than 1 fills a large pool faster on a machine with several cores.
   */
  readonly generators?: number | undefined;
  /**
   * At most this many pairs of one spec generated on demand at once, for {@link WrappingKeyPool.tryTake}
   * to refuse the rest instead of queueing them behind key generation; no limit when absent.
   */
  readonly maxOnDemand?: number | undefined;
}

/** Pre-generated RSA wrapping key pairs, refilled in the background. */
export interface WrappingKeyPool<T> {
  /**
   * A key pair of `spec`, handed out once: a ready one when there is one, else one generated on
   * demand. Either way the pool of `spec` refills in the background, starting shortly after.
   */
  take(spec: SupportedWrappingKeySpec): Promise<T>;
  /**
   * As {@link WrappingKeyPool.take}, but refuses (`undefined`, at once) when no pair of `spec`
   * is ready and `maxOnDemand` pairs of it are already being generated on demand. The pool of
   * `spec` refills in the background all the same.
   */
  tryTake(spec: SupportedWrappingKeySpec): Promise<T> | undefined;
  /**
   * Fills the pools of `specs` (every spec when absent); resolves when they are full, or when
   * filling stopped because the pool was closed or the generator failed.
   */
  fill(specs?: readonly SupportedWrappingKeySpec[]): Promise<void>;
  /** How many ready pairs of `spec` the pool holds now. */
  available(spec: SupportedWrappingKeySpec): number;
  /** How many pairs of `spec` are being generated on demand now, for takes that found none ready. */
  onDemand(spec: SupportedWrappingKeySpec): number;
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
 * `generators` pairs at a time (one by default), only after it was used or asked to fill, and
 * stops when full or closed. With `maxOnDemand`, `tryTake` refuses a take that would wait behind
 * that many on-demand generations of its spec, so a caller can tell its client to retry.
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
  const { generate, refillDelayMs = 100, generators = 1, maxOnDemand } = options;
  if (!Number.isInteger(generators) || generators < 1) {
    throw new TypeError("The number of wrapping key generators must be a whole number, 1 or more.");
  }
  if (maxOnDemand !== undefined && (!Number.isInteger(maxOnDemand) || maxOnDemand < 0)) {
    throw new TypeError("maxOnDemand must be a whole number, 0 or more.");
  }
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

  const onDemandRuns = new Set<Promise<unknown>>();
  const onDemandOf = new Map<SupportedWrappingKeySpec, number>();
  const short = (spec: SupportedWrappingKeySpec) => !closed && readyOf(spec).length < options.size;

  const refill = (spec: SupportedWrappingKeySpec): Promise<void> => {
    const running = refills.get(spec);
    if (running !== undefined) return running;
    if (!short(spec)) return Promise.resolve();
    let generating = 0;
    let failed = false;
    // Each generator takes one more pair while the ready ones and those being made fall short.
    const generator = async () => {
      while (!failed && !closed && readyOf(spec).length + generating < options.size) {
        generating++;
        try {
          const pair = await generate(spec);
          if (!closed) readyOf(spec).push(pair);
        } catch {
          // A failing generator stops the refill; on-demand generation then reports the failure.
          failed = true;
        } finally {
          generating--;
        }
      }
    };
    // At least one generator awaits, so the entry is set before the `finally` removes it; a take
    // between the last pair and the removal found the refill still running, so it is scheduled here.
    const run = (async () => {
      try {
        await Promise.all(Array.from({ length: generators }, generator));
      } finally {
        refills.delete(spec);
        if (!failed && short(spec)) scheduleRefill(spec);
      }
    })();
    refills.set(spec, run);
    return run;
  };

  const generateOnDemand = (spec: SupportedWrappingKeySpec): Promise<T> => {
    onDemandOf.set(spec, (onDemandOf.get(spec) ?? 0) + 1);
    const generated = generate(spec);
    const done = () => {
      onDemandRuns.delete(settled);
      onDemandOf.set(spec, (onDemandOf.get(spec) ?? 1) - 1);
    };
    const settled: Promise<unknown> = generated.then(done, done);
    onDemandRuns.add(settled);
    return generated;
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

  const onDemand = (spec: SupportedWrappingKeySpec) => onDemandOf.get(spec) ?? 0;
  const take = (spec: SupportedWrappingKeySpec): Promise<T> => {
    const pair = readyOf(spec).shift();
    scheduleRefill(spec);
    return pair === undefined ? generateOnDemand(spec) : Promise.resolve(pair);
  };

  return {
    take,
    tryTake: (spec) => {
      const refused =
        readyOf(spec).length === 0 && maxOnDemand !== undefined && onDemand(spec) >= maxOnDemand;
      if (!refused) return take(spec);
      scheduleRefill(spec);
      return undefined;
    },
    fill: async (specs = allSpecs) => {
      await Promise.all(specs.map(refill));
    },
    available: (spec) => readyOf(spec).length,
    onDemand,
    close: async () => {
      closed = true;
      for (const timer of scheduled.values()) clearTimeout(timer);
      scheduled.clear();
      ready.clear();
      await Promise.all([...refills.values(), ...onDemandRuns]);
    },
  };
}
