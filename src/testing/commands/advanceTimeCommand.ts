import type { KmsCommand, KmsModel } from "./kmsCommand.js";
import type { KmsSystem } from "./kmsSystem.js";

/** Time passes: tokens, material and deletion windows may run out (D7, D8, D13). */
export class AdvanceTimeCommand implements KmsCommand {
  constructor(readonly minutes: number) {}

  check(): boolean {
    return true;
  }

  async run(model: KmsModel, system: KmsSystem): Promise<void> {
    const ms = this.minutes * 60_000;
    model.state.now = new Date(model.state.now.getTime() + ms);
    system.clock.advance(ms);
  }

  toString(): string {
    const { minutes } = this;
    if (minutes % (24 * 60) === 0) return `AdvanceTime(${minutes / (24 * 60)} days)`;
    if (minutes % 60 === 0) return `AdvanceTime(${minutes / 60} hours)`;
    return `AdvanceTime(${minutes} minutes)`;
  }
}
