import type { KmsCommand, KmsModel } from "./kmsCommand.js";
import type { KmsSystem } from "./kmsSystem.js";
import { readAllKeys } from "./readAllKeys.js";

/** Time passes: tokens, material and deletion windows may run out (docs/decisions/0007-single-use-import-tokens.md, docs/decisions/0008-expiration-model-and-valid-to.md, docs/decisions/0013-deletion-window.md). */
export class AdvanceTimeCommand implements KmsCommand {
  constructor(
    readonly minutes: number,
    /** Then describe every key. */
    readonly thenDescribe = false,
  ) {}

  check(): boolean {
    return true;
  }

  async run(model: KmsModel, system: KmsSystem): Promise<void> {
    const ms = this.minutes * 60_000;
    model.state.now = new Date(model.state.now.getTime() + ms);
    system.clock.advance(ms);
    if (this.thenDescribe) await readAllKeys(model, system);
  }

  toString(): string {
    const { minutes } = this;
    const then = this.thenDescribe ? ", then DescribeKey of every key" : "";
    if (minutes % (24 * 60) === 0) return `AdvanceTime(${minutes / (24 * 60)} days${then})`;
    if (minutes % 60 === 0) return `AdvanceTime(${minutes / 60} hours${then})`;
    return `AdvanceTime(${minutes} minutes${then})`;
  }
}
