import type fc from "fast-check";
import type { ModelState } from "../model/modelState.js";
import type { KmsSystem } from "./kmsSystem.js";
import { runStep, type Step } from "./step.js";

/** The reference model of a run: fast-check hands the same object to every command. */
export interface KmsModel {
  state: ModelState;
}

/** A model-based command of `kmsCommands`: applies one step of a lifecycle to model and target. */
export type KmsCommand = fc.AsyncCommand<KmsModel, KmsSystem>;

/**
 * A command that is one operation. `prepare` runs what must happen first (a
 * GetParametersForImport for a fresh token, say) and returns the operation itself, so two of
 * them can also run at the same time (`concurrentCommand`).
 */
export abstract class StepCommand implements KmsCommand {
  check(): boolean {
    return true;
  }

  async run(model: KmsModel, system: KmsSystem): Promise<void> {
    await runStep(model, await this.prepare(model, system));
  }

  abstract prepare(model: KmsModel, system: KmsSystem): Promise<Step<unknown>>;

  abstract toString(): string;
}
