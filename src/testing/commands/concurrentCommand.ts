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

    const explained = orders.filter(({ predictions }) =>
      predictions.every((p, i) => mismatchOf(p, outcomes[i] as Outcome<unknown>) === undefined),
    );
    if (explained.length === 0) {
      const why = orders.flatMap(({ predictions }, order) =>
        predictions.flatMap((p, i) => {
          const mismatch = mismatchOf(p, outcomes[i] as Outcome<unknown>);
          return mismatch === undefined
            ? []
            : [`${order === 0 ? "in order" : "swapped"}, ${mismatch}`];
        }),
      );
      throw new Error(
        `${this}: no order of the two explains the answers ${describe(outcomes)} (${why.join("; ")})`,
      );
    }
    const keys = system.keys.map((_, index) =>
      describeKeyStep(system, { kind: "key", index, form: "id" }, `DescribeKey(key#${index})`),
    );
    const described = await Promise.all(keys.map((step) => step.run()));
    const afterwards = explained.map(({ state }) =>
      keys.flatMap((step, i) => {
        const prediction = step.predict(structuredClone(state));
        const mismatch = mismatchOf(prediction, described[i] as Outcome<unknown>);
        return mismatch === undefined ? [] : [`${step.label}: ${mismatch}`];
      }),
    );
    const consistent = explained.find((_, i) => afterwards[i]?.length === 0);
    if (consistent === undefined) {
      throw new Error(
        `${this}: the keys afterwards match no order of the two (a lost write?): ${afterwards.flat().join("; ")}`,
      );
    }
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

function describe(outcomes: readonly Outcome<unknown>[]): string {
  return outcomes.map((o) => (o.ok ? "success" : o.error.name)).join(" and ");
}
