import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from "vitest";
import { wrappingKeyPool } from "../../src/adapters/wrappingKeyPool.js";
import type { SupportedWrappingKeySpec } from "../../src/domain/wrappingTable.js";

const specs: readonly SupportedWrappingKeySpec[] = ["RSA_2048", "RSA_3072", "RSA_4096"];

/** What the fake generator hands out: a distinct object per call, telling its spec. */
interface FakePair {
  readonly serial: number;
  readonly spec: SupportedWrappingKeySpec;
}

/** One call of the fake generator: the pair it hands out once the test settles it. */
interface Generation {
  readonly pair: FakePair;
  state: "pending" | "resolved" | "rejected";
  resolve(): void;
  reject(error: Error): void;
}

/**
 * A key pair generator the test drives by hand: every call records a pending generation of a
 * distinct pair, settled only when the test resolves or rejects it.
 */
function manualSource() {
  const generations: Generation[] = [];
  const generate = (spec: SupportedWrappingKeySpec) =>
    new Promise<FakePair>((resolve, reject) => {
      const pair = { serial: generations.length, spec };
      const generation: Generation = {
        pair,
        state: "pending",
        resolve: () => {
          generation.state = "resolved";
          resolve(pair);
        },
        reject: (error) => {
          generation.state = "rejected";
          reject(error);
        },
      };
      generations.push(generation);
    });
  const of = (spec?: SupportedWrappingKeySpec) =>
    generations.filter((g) => spec === undefined || g.pair.spec === spec);
  const pending = (spec?: SupportedWrappingKeySpec) =>
    of(spec).filter((g) => g.state === "pending");
  return {
    generate,
    /** How many generations of `spec` (of any spec when absent) were started. */
    calls: (spec?: SupportedWrappingKeySpec) => of(spec).length,
    pending,
    /** Every pair generated so far, in the order of the calls. */
    generated: () => generations.map((g) => g.pair),
    /**
     * Runs every scheduled refill and resolves every pending generation, and those they lead
     * to, until nothing is left.
     */
    async drain() {
      for (;;) {
        await vi.runOnlyPendingTimersAsync();
        await flush();
        const waiting = pending();
        if (waiting.length === 0 && vi.getTimerCount() === 0) return;
        for (const g of waiting) g.resolve();
      }
    },
  };
}

/** Lets every queued promise reaction run: a macrotask comes only after the microtask queue. */
function flush(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Whether `promise` has settled once the queued reactions ran. */
async function hasSettled(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  const done = () => {
    settled = true;
  };
  promise.then(done, done);
  await flush();
  return settled;
}

/** Collects the unhandled promise rejections of the running test. */
function unhandledRejections(): unknown[] {
  const reasons: unknown[] = [];
  const listener = (reason: unknown) => reasons.push(reason);
  process.on("unhandledRejection", listener);
  onTestFinished(() => {
    process.off("unhandledRejection", listener);
  });
  return reasons;
}

describe("wrappingKeyPool", () => {
  // Refills start on a timer: the tests move fake time, while setImmediate (flush) stays real.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  describe("take", () => {
    it("generates a pair of the spec on demand when its pool is empty", async () => {
      const source = manualSource();
      const pool = wrappingKeyPool({ size: 2, generate: source.generate });

      const taking = pool.take("RSA_3072");
      await flush();
      expect(source.pending()).toHaveLength(1);
      source.pending()[0]?.resolve();

      expect((await taking).spec).toBe("RSA_3072");
    });

    it("then refills the pool of the taken spec only, one pair at a time, up to its size", async () => {
      const source = manualSource();
      const pool = wrappingKeyPool({ size: 2, generate: source.generate });
      const taking = pool.take("RSA_3072");
      source.pending()[0]?.resolve();
      await taking;

      for (const round of [1, 2]) {
        await vi.runOnlyPendingTimersAsync();
        await flush();
        expect(source.pending("RSA_3072"), `round ${round}`).toHaveLength(1);
        source.pending("RSA_3072")[0]?.resolve();
      }
      await source.drain();

      expect(pool.available("RSA_3072")).toBe(2);
      expect(source.calls("RSA_3072")).toBe(3);
      expect(pool.available("RSA_2048")).toBe(0);
      expect(pool.available("RSA_4096")).toBe(0);
      expect(source.calls()).toBe(3);
    });

    it("starts the refill refillDelayMs after the take, not before", async () => {
      const source = manualSource();
      const pool = wrappingKeyPool({ size: 1, generate: source.generate, refillDelayMs: 250 });
      await Promise.all([pool.fill(["RSA_2048"]), source.drain()]);

      await pool.take("RSA_2048");
      await vi.advanceTimersByTimeAsync(249);
      expect(source.pending()).toHaveLength(0);
      await vi.advanceTimersByTimeAsync(1);

      expect(source.pending("RSA_2048")).toHaveLength(1);
    });

    it("waits 100 ms before refilling when no delay is given", async () => {
      const source = manualSource();
      const pool = wrappingKeyPool({ size: 1, generate: source.generate });
      await Promise.all([pool.fill(["RSA_2048"]), source.drain()]);

      await pool.take("RSA_2048");
      await vi.advanceTimersByTimeAsync(99);
      expect(source.pending()).toHaveLength(0);
      await vi.advanceTimersByTimeAsync(1);

      expect(source.pending("RSA_2048")).toHaveLength(1);
    });

    it("schedules a single refill for several takes of a spec within the delay", async () => {
      const source = manualSource();
      const pool = wrappingKeyPool({ size: 3, generate: source.generate });
      await Promise.all([pool.fill(["RSA_2048"]), source.drain()]);

      await Promise.all([1, 2, 3].map(() => pool.take("RSA_2048")));
      expect(vi.getTimerCount()).toBe(1);
      await vi.runOnlyPendingTimersAsync();
      await flush();

      expect(source.pending("RSA_2048")).toHaveLength(1);
    });

    it("answers from the ready pairs without generating on demand, then refills what it took", async () => {
      const source = manualSource();
      const pool = wrappingKeyPool({ size: 2, generate: source.generate });
      await Promise.all([pool.fill(["RSA_2048"]), source.drain()]);
      const ready = source.generated();
      expect(ready).toHaveLength(2);

      const pair = await pool.take("RSA_2048");

      expect(ready).toContain(pair);
      expect(pool.available("RSA_2048")).toBe(1);
      expect(source.calls()).toBe(2);
      await source.drain();
      expect(pool.available("RSA_2048")).toBe(2);
      expect(source.calls()).toBe(3);
    });

    it("hands out each pooled key pair once only", async () => {
      const source = manualSource();
      const pool = wrappingKeyPool({ size: 3, generate: source.generate });
      await Promise.all([pool.fill(["RSA_2048"]), source.drain()]);
      const ready = source.generated();

      const fromPool = await Promise.all([1, 2, 3].map(() => pool.take("RSA_2048")));
      const taking = pool.take("RSA_2048");
      await source.drain();
      const next = await taking;

      expect(new Set(fromPool).size).toBe(3);
      for (const pair of fromPool) expect(ready).toContain(pair);
      expect(fromPool).not.toContain(next);
      expect(next.spec).toBe("RSA_2048");
    });

    it("does not let a scheduled refill keep the process alive", async () => {
      vi.useRealTimers();
      const setTimeoutSpy = vi.spyOn(globalThis, "setTimeout");
      onTestFinished(() => {
        setTimeoutSpy.mockRestore();
      });
      const source = manualSource();
      const pool = wrappingKeyPool({ size: 1, generate: source.generate });

      const taking = pool.take("RSA_2048");
      const timers = setTimeoutSpy.mock.results.map((result) => result.value as NodeJS.Timeout);
      source.pending()[0]?.resolve();
      await taking;
      await pool.close();

      expect(timers).toHaveLength(1);
      expect(timers[0]?.hasRef()).toBe(false);
    });
  });

  describe("fill", () => {
    it("resolves when the pool of each given spec holds `size` pairs, leaving the others alone", async () => {
      const source = manualSource();
      const pool = wrappingKeyPool({ size: 2, generate: source.generate });

      const filling = pool.fill(["RSA_4096"]);
      await flush();
      expect(source.pending("RSA_4096")).toHaveLength(1);
      source.pending("RSA_4096")[0]?.resolve();
      expect(await hasSettled(filling)).toBe(false);
      expect(pool.available("RSA_4096")).toBe(1);
      source.pending("RSA_4096")[0]?.resolve();

      expect(await hasSettled(filling)).toBe(true);
      expect(pool.available("RSA_4096")).toBe(2);
      expect(source.calls()).toBe(2);
      expect(pool.available("RSA_2048")).toBe(0);
      expect(pool.available("RSA_3072")).toBe(0);
    });

    it("fills all three specs when given none", async () => {
      const source = manualSource();
      const pool = wrappingKeyPool({ size: 2, generate: source.generate });

      const filling = pool.fill();
      await source.drain();
      await filling;

      expect(specs.map((spec) => pool.available(spec))).toEqual([2, 2, 2]);
      expect(specs.map((spec) => source.calls(spec))).toEqual([2, 2, 2]);
    });

    it("runs one generation at a time per spec, and none once the pool is full", async () => {
      const source = manualSource();
      const pool = wrappingKeyPool({ size: 3, generate: source.generate });

      const filling = pool.fill();
      for (const round of [1, 2, 3]) {
        await flush();
        for (const spec of specs) {
          expect(source.pending(spec), `${spec} in round ${round}`).toHaveLength(1);
          source.pending(spec)[0]?.resolve();
        }
      }
      await filling;
      await pool.fill();
      await vi.runAllTimersAsync();
      await flush();

      expect(specs.map((spec) => pool.available(spec))).toEqual([3, 3, 3]);
      expect(source.calls()).toBe(9);
    });

    it("shares one refill of a spec between overlapping fills and a take", async () => {
      const source = manualSource();
      const pool = wrappingKeyPool({ size: 3, generate: source.generate });

      const filling = pool.fill(["RSA_2048"]);
      const again = pool.fill(["RSA_2048", "RSA_2048"]);
      const taking = pool.take("RSA_2048");
      await vi.runOnlyPendingTimersAsync();
      await flush();

      // the take's on-demand generation and a single one of the refill
      expect(source.pending("RSA_2048")).toHaveLength(2);
      await source.drain();
      await Promise.all([filling, again, taking]);
      expect(pool.available("RSA_2048")).toBe(3);
      expect(source.calls()).toBe(4);
    });
  });

  it("hands out distinct pairs of the asked spec and refills exactly what was taken, whatever the order of takes, fills, timers and generations", async () => {
    type Step =
      | { readonly kind: "take"; readonly spec: SupportedWrappingKeySpec }
      | { readonly kind: "fill"; readonly specs: readonly SupportedWrappingKeySpec[] | undefined }
      | { readonly kind: "timers" }
      | { readonly kind: "generate"; readonly index: number };
    const spec = fc.constantFrom(...specs);
    const step: fc.Arbitrary<Step> = fc.oneof(
      { weight: 3, arbitrary: fc.record({ kind: fc.constant("take" as const), spec }) },
      {
        weight: 1,
        arbitrary: fc.record({
          kind: fc.constant("fill" as const),
          specs: fc.option(fc.uniqueArray(spec, { maxLength: 3 }), { nil: undefined }),
        }),
      },
      { weight: 1, arbitrary: fc.constant({ kind: "timers" } as const) },
      {
        weight: 4,
        arbitrary: fc.record({ kind: fc.constant("generate" as const), index: fc.nat() }),
      },
    );

    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: 3 }),
        fc.array(step, { maxLength: 30 }),
        async (size, steps) => {
          const source = manualSource();
          const pool = wrappingKeyPool({ size, generate: source.generate });
          const takes: {
            readonly spec: SupportedWrappingKeySpec;
            readonly onDemand: boolean;
            pair?: FakePair;
          }[] = [];
          const fills: Promise<void>[] = [];
          const touched = new Set<SupportedWrappingKeySpec>();
          const notFullWhenFilled: string[] = [];

          for (const [i, current] of steps.entries()) {
            switch (current.kind) {
              case "take": {
                touched.add(current.spec);
                const take: (typeof takes)[number] = {
                  spec: current.spec,
                  onDemand: pool.available(current.spec) === 0,
                };
                takes.push(take);
                void pool.take(current.spec).then((pair) => {
                  take.pair = pair;
                });
                break;
              }
              case "fill": {
                const filled = current.specs ?? specs;
                for (const s of filled) touched.add(s);
                const takenBefore = takes.length;
                fills.push(
                  pool.fill(current.specs).then(() => {
                    // a take while filling may empty a pool again; the others must be full
                    const takenMeanwhile = new Set(takes.slice(takenBefore).map((t) => t.spec));
                    for (const s of filled) {
                      if (!takenMeanwhile.has(s) && pool.available(s) !== size) {
                        notFullWhenFilled.push(`${s} at step ${i}`);
                      }
                    }
                  }),
                );
                break;
              }
              case "timers":
                await vi.runOnlyPendingTimersAsync();
                break;
              case "generate": {
                const waiting = source.pending();
                waiting[current.index % Math.max(waiting.length, 1)]?.resolve();
                break;
              }
            }
            await flush();
            for (const s of specs) {
              expect(pool.available(s)).toBeLessThanOrEqual(size);
              const onDemandWaiting = takes.filter(
                (t) => t.spec === s && t.onDemand && t.pair === undefined,
              ).length;
              // beside the takes' own, at most one generation (the refill's) runs per spec
              expect(source.pending(s).length, `${s} after step ${i}`).toBeLessThanOrEqual(
                onDemandWaiting + 1,
              );
            }
          }
          await source.drain();
          await Promise.all(fills);

          const pairs = takes.map((t) => t.pair);
          expect(new Set(pairs).size).toBe(takes.length);
          expect(pairs.map((pair) => pair?.spec)).toEqual(takes.map((t) => t.spec));
          expect(notFullWhenFilled).toEqual([]);
          for (const s of specs) {
            const taken = takes.filter((t) => t.spec === s).length;
            expect(pool.available(s)).toBe(touched.has(s) ? size : 0);
            // every generated pair was handed out or is still ready: none lost, none extra
            expect(source.calls(s)).toBe(taken + pool.available(s));
          }
        },
      ),
    );
  });

  describe("a take right after a refill filled the pool", () => {
    it("schedules the next refill, so the pool does not stay short", async () => {
      const source = manualSource();
      const pool = wrappingKeyPool({ size: 1, generate: source.generate });
      const filling = pool.fill(["RSA_2048"]);
      await flush();
      source.pending("RSA_2048")[0]?.resolve();
      const taken = new Promise((resolve) => {
        queueMicrotask(() => resolve(pool.take("RSA_2048")));
      });
      await filling;
      await taken;

      await source.drain();

      expect(pool.available("RSA_2048")).toBe(1);
      expect(source.calls("RSA_2048")).toBe(2);
    });
  });

  describe("close", () => {
    it("resolves only after the generation in flight has finished, and drops its pair", async () => {
      const source = manualSource();
      const pool = wrappingKeyPool({ size: 2, generate: source.generate });
      void pool.fill(["RSA_2048"]);
      await flush();
      expect(source.pending("RSA_2048")).toHaveLength(1);

      const closing = pool.close();
      expect(await hasSettled(closing)).toBe(false);
      source.pending("RSA_2048")[0]?.resolve();

      expect(await hasSettled(closing)).toBe(true);
      expect(pool.available("RSA_2048")).toBe(0);
      expect(source.calls()).toBe(1);
    });

    it("resolves once a failing generation in flight has finished", async () => {
      const source = manualSource();
      const pool = wrappingKeyPool({ size: 2, generate: source.generate });
      void pool.fill(["RSA_2048"]);
      await flush();

      const closing = pool.close();
      expect(await hasSettled(closing)).toBe(false);
      source.pending("RSA_2048")[0]?.reject(new Error("entropy ran out"));

      await expect(closing).resolves.toBeUndefined();
      expect(source.calls()).toBe(1);
    });

    it("drops every ready pair", async () => {
      const source = manualSource();
      const pool = wrappingKeyPool({ size: 2, generate: source.generate });
      await Promise.all([pool.fill(), source.drain()]);
      expect(specs.map((spec) => pool.available(spec))).toEqual([2, 2, 2]);

      await pool.close();

      expect(specs.map((spec) => pool.available(spec))).toEqual([0, 0, 0]);
    });

    it("cancels a scheduled refill", async () => {
      const source = manualSource();
      const pool = wrappingKeyPool({ size: 2, generate: source.generate });
      await Promise.all([pool.fill(["RSA_2048"]), source.drain()]);
      await pool.take("RSA_2048");
      expect(vi.getTimerCount()).toBe(1);

      await pool.close();
      expect(vi.getTimerCount()).toBe(0);
      await vi.advanceTimersByTimeAsync(10_000);
      await flush();

      expect(vi.getTimerCount()).toBe(0);
      expect(source.calls()).toBe(2);
    });

    it("starts no generation afterwards other than a take's own, which still works", async () => {
      const source = manualSource();
      const pool = wrappingKeyPool({ size: 2, generate: source.generate });
      await Promise.all([pool.fill(["RSA_2048"]), source.drain()]);
      await pool.close();

      const taking = pool.take("RSA_2048");
      expect(vi.getTimerCount()).toBe(0);
      await pool.fill();
      await vi.runAllTimersAsync();
      await flush();
      expect(source.calls()).toBe(3);
      source.pending("RSA_2048")[0]?.resolve();
      const pair = await taking;
      await vi.runAllTimersAsync();
      await flush();

      expect(pair.spec).toBe("RSA_2048");
      expect(source.calls()).toBe(3);
      expect(specs.map((spec) => pool.available(spec))).toEqual([0, 0, 0]);
    });

    it("resolves only after an on-demand generation of a take has finished", async () => {
      const source = manualSource();
      const pool = wrappingKeyPool({ size: 2, generate: source.generate });
      const taking = pool.take("RSA_3072");

      const closing = pool.close();
      expect(await hasSettled(closing)).toBe(false);
      source.pending("RSA_3072")[0]?.resolve();

      expect(await hasSettled(closing)).toBe(true);
      expect((await taking).spec).toBe("RSA_3072");
    });

    it("resolves at once when nothing is being generated", async () => {
      const pool = wrappingKeyPool({ size: 2, generate: manualSource().generate });

      expect(await hasSettled(pool.close())).toBe(true);
    });
  });

  describe("of size 0", () => {
    it("generates every pair on demand and nothing in the background", async () => {
      const source = manualSource();
      const pool = wrappingKeyPool({ size: 0, generate: source.generate });

      await pool.fill();
      const taking = [1, 2, 3].map(() => pool.take("RSA_2048"));
      expect(vi.getTimerCount()).toBe(0);
      await flush();
      expect(source.calls()).toBe(3);
      await source.drain();
      const pairs = await Promise.all(taking);

      expect(new Set(pairs).size).toBe(3);
      expect(source.calls()).toBe(3);
      expect(pool.available("RSA_2048")).toBe(0);
    });
  });

  describe("with a failing generator", () => {
    it("keeps a failed refill from surfacing, and later takes still work and refill", async () => {
      const rejections = unhandledRejections();
      const source = manualSource();
      const pool = wrappingKeyPool({ size: 1, generate: source.generate });
      await Promise.all([pool.fill(["RSA_2048"]), source.drain()]);

      const pooled = await pool.take("RSA_2048");
      await vi.runOnlyPendingTimersAsync();
      await flush();
      // the refill is the only generation running
      expect(source.pending()).toHaveLength(1);
      source.pending()[0]?.reject(new Error("entropy ran out"));
      await flush();
      await flush();
      expect(rejections).toEqual([]);
      expect(pool.available("RSA_2048")).toBe(0);

      const taking = pool.take("RSA_2048");
      await source.drain();
      const onDemand = await taking;

      expect(onDemand).not.toBe(pooled);
      expect(onDemand.spec).toBe("RSA_2048");
      expect(pool.available("RSA_2048")).toBe(1);
      expect(rejections).toEqual([]);
    });

    it("rejects a take whose on-demand generation fails, and gives up refilling rather than retrying", async () => {
      const rejections = unhandledRejections();
      const failure = new Error("entropy ran out");
      let calls = 0;
      const pool = wrappingKeyPool({
        size: 2,
        generate: () => {
          calls++;
          return Promise.reject(failure);
        },
      });

      await expect(pool.take("RSA_2048")).rejects.toBe(failure);
      await vi.runAllTimersAsync();
      await flush();
      await flush();

      // the on-demand generation and the refill's first, which gave up
      expect(calls).toBe(2);
      expect(vi.getTimerCount()).toBe(0);
      expect(pool.available("RSA_2048")).toBe(0);
      expect(rejections).toEqual([]);
    });

    it("rejects a take of a pool of size 0 with the generator's error", async () => {
      const source = manualSource();
      const pool = wrappingKeyPool({ size: 0, generate: source.generate });
      const failure = new Error("entropy ran out");

      const taking = pool.take("RSA_4096");
      source.pending("RSA_4096")[0]?.reject(failure);

      await expect(taking).rejects.toBe(failure);
    });
  });

  describe("tryTake with maxOnDemand", () => {
    it("refuses at once a take that finds no pair ready while maxOnDemand pairs of its spec are generated on demand", async () => {
      const source = manualSource();
      const pool = wrappingKeyPool({ size: 0, generate: source.generate, maxOnDemand: 2 });

      const first = pool.tryTake("RSA_4096");
      const second = pool.tryTake("RSA_4096");
      const third = pool.tryTake("RSA_4096");

      expect(first).toBeInstanceOf(Promise);
      expect(second).toBeInstanceOf(Promise);
      expect(third).toBeUndefined();
      expect(source.calls("RSA_4096")).toBe(2);
      expect(pool.onDemand("RSA_4096")).toBe(2);
      expect(pool.tryTake("RSA_2048")).toBeInstanceOf(Promise);
      await source.drain();
    });

    it("takes again once an on-demand generation has ended", async () => {
      const source = manualSource();
      const pool = wrappingKeyPool({ size: 0, generate: source.generate, maxOnDemand: 1 });
      const first = pool.tryTake("RSA_2048");
      expect(pool.tryTake("RSA_2048")).toBeUndefined();

      source.pending("RSA_2048")[0]?.resolve();
      await first;

      expect(pool.onDemand("RSA_2048")).toBe(0);
      expect(pool.tryTake("RSA_2048")).toBeInstanceOf(Promise);
      await source.drain();
    });

    it("hands out ready pairs whatever the limit, even 0, and refills in the background after a refusal", async () => {
      const source = manualSource();
      const pool = wrappingKeyPool({ size: 2, generate: source.generate, maxOnDemand: 0 });
      const filling = pool.fill(["RSA_2048"]);
      await source.drain();
      await filling;

      const taken = [pool.tryTake("RSA_2048"), pool.tryTake("RSA_2048")];
      expect(taken.every((pair) => pair instanceof Promise)).toBe(true);
      expect(pool.tryTake("RSA_2048")).toBeUndefined();
      await source.drain();

      expect(pool.available("RSA_2048")).toBe(2);
      expect(source.calls("RSA_2048")).toBe(4);
    });

    it("never refuses without maxOnDemand, as take", async () => {
      const source = manualSource();
      const pool = wrappingKeyPool({ size: 0, generate: source.generate });

      const takes = Array.from({ length: 50 }, () => pool.tryTake("RSA_4096"));

      expect(takes.every((pair) => pair instanceof Promise)).toBe(true);
      await source.drain();
    });
  });

  describe("with generators", () => {
    it("fills a spec that many pairs at a time, and no further than its size", async () => {
      const source = manualSource();
      const pool = wrappingKeyPool({ size: 5, generate: source.generate, generators: 3 });

      const filling = pool.fill(["RSA_4096"]);
      await flush();
      expect(source.pending("RSA_4096")).toHaveLength(3);
      for (const g of source.pending("RSA_4096")) g.resolve();
      await flush();
      expect(source.pending("RSA_4096")).toHaveLength(2);
      await source.drain();
      await filling;

      expect(pool.available("RSA_4096")).toBe(5);
      expect(source.calls("RSA_4096")).toBe(5);
    });
  });

  it.each([0, -1, 1.5])("throws TypeError for %s generators", (generators) => {
    expect(() =>
      wrappingKeyPool({ size: 1, generate: manualSource().generate, generators }),
    ).toThrow(TypeError);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])(
    "throws TypeError for a size of %s",
    (size) => {
      expect(() => wrappingKeyPool({ size, generate: manualSource().generate })).toThrow(TypeError);
    },
  );
});
