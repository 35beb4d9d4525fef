import { type KmsModel, StepCommand } from "./kmsCommand.js";
import type { KmsSystem } from "./kmsSystem.js";
import type { Step } from "./step.js";

/**
 * Commands run one after the other as one command, for a scenario random draws rarely reach.
 * The earlier ones run in `prepare`, so in a concurrent pair only the last one races.
 */
export class InTurnCommand extends StepCommand {
  constructor(
    readonly before: readonly StepCommand[],
    readonly last: StepCommand,
  ) {
    super();
  }

  async prepare(model: KmsModel, system: KmsSystem): Promise<Step<unknown>> {
    for (const command of this.before) await command.run(model, system);
    return this.last.prepare(model, system);
  }

  toString(): string {
    return [...this.before, this.last].map(String).join(", then ");
  }
}
