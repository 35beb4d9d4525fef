import type { ModelState } from "../model/modelState.js";
import { describeKeyStep } from "./describeKeyCommand.js";
import type { KmsCommand, KmsModel, StepCommand } from "./kmsCommand.js";
import type { KmsSystem } from "./kmsSystem.js";
import { mismatchOf, type Outcome, type Step } from "./step.js";

/**
 * Two operations started together. The target must behave as if they ran one after the other,
 * in some order: both answers and every key afterwards match the model run in that order. A
 * store that loses a concurrent write fails this.
 */
export class ConcurrentCommand implements KmsCommand {
  constructor(
    readonly first: StepCommand,
    readonly second: StepCommand,
  ) {}

  check(): boolean {
    return true;
  }

  async run(model: KmsModel, system: KmsSystem): Promise<void> {
    const a = await this.first.prepare(model, system);
    const b = await this.second.prepare(model, system);
    const orders = [serially(model.state, a, b), serially(model.state, b, a, true)];
    const outcomes = await Promise.all([a.run(), b.run()]);

    // Checking an answer may learn a KeyMaterialId (of material bound inside the pair, say), and
    // each order must be judged on what the run knew before the pair plus what that order learns.
    const before = system.learnedMaterialIds();
    const answered = orders.map((order) => ({
      ...order,
      ...judged(system, before, () =>
        order.predictions.flatMap((p, i) => {
          const mismatch = mismatchOf(p, outcomes[i] as Outcome<unknown>);
          return mismatch === undefined ? [] : [mismatch];
        }),
      ),
    }));
    const explained = answered.filter(({ problems }) => problems.length === 0);
    if (explained.length === 0) {
      const why = answered.flatMap(({ problems }, order) =>
        problems.map((problem) => `${order === 0 ? "in order" : "swapped"}, ${problem}`),
      );
      throw new Error(
        `${this}: no order of the two explains the answers ${describe(outcomes)} (${why.join("; ")})`,
      );
    }
    const keys = system.keys.map((_, index) =>
      describeKeyStep(system, { kind: "key", index, form: "id" }, `DescribeKey(key#${index})`),
    );
    const described = await Promise.all(keys.map((step) => step.run()));
    const afterwards = explained.map(({ state, learned }) => ({
      state,
      ...judged(system, learned, () =>
        keys.flatMap((step, i) => {
          const prediction = step.predict(structuredClone(state));
          const mismatch = mismatchOf(prediction, described[i] as Outcome<unknown>);
          return mismatch === undefined ? [] : [`${step.label}: ${mismatch}`];
        }),
      ),
    }));
    const consistent = afterwards.find(({ problems }) => problems.length === 0);
    if (consistent === undefined) {
      throw new Error(
        `${this}: the keys afterwards match no order of the two (a lost write?): ${afterwards.flatMap(({ problems }) => problems).join("; ")}`,
      );
    }
    system.restoreMaterialIds(consistent.learned);
    model.state = consistent.state;
  }

  toString(): string {
    return `Concurrently(${this.first}, ${this.second})`;
  }
}

/** The model after `x` then `y`, and its predictions for both, in request order. */
function serially(state: ModelState, x: Step<unknown>, y: Step<unknown>, swapped = false) {
  const after = structuredClone(state);
  const px = x.predict(after);
  const py = y.predict(after);
  return { state: after, predictions: swapped ? [py, px] : [px, py] };
}

/**
 * The problems `check` finds, judged on the KeyMaterialIds known at `learned`, and what the run
 * knows after it: one explanation of a pair's answers, tried without touching another.
 */
function judged(system: KmsSystem, learned: ReadonlyMap<string, string>, check: () => string[]) {
  system.restoreMaterialIds(learned);
  const problems = check();
  return { problems, learned: system.learnedMaterialIds() };
}

function describe(outcomes: readonly Outcome<unknown>[]): string {
  return outcomes.map((o) => (o.ok ? "success" : o.error.name)).join(" and ");
}
