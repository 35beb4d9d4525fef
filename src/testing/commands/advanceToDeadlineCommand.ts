import { liveKey } from "../model/liveKey.js";
import type { ModelState } from "../model/modelState.js";
import type { KmsCommand, KmsModel } from "./kmsCommand.js";
import type { KmsSystem } from "./kmsSystem.js";
import { readAllKeys } from "./readAllKeys.js";

/** The instants at which something runs out: material (docs/decisions/0006-losing-material-means-pending-import.md), an import token (docs/decisions/0007-single-use-import-tokens.md), a key (docs/decisions/0013-deletion-window.md). */
export type Deadline = "ValidTo" | "ParametersValidTo" | "DeletionDate";

/**
 * Time passes to just before, exactly at, or just after a deadline still ahead — where
 * off-by-one and grace-period bugs live, and where random time steps almost never land.
 * Nothing happens when no such deadline is ahead.
 */
export class AdvanceToDeadlineCommand implements KmsCommand {
  constructor(
    readonly deadline: Deadline,
    /** Which of the deadlines ahead, modulo how many there are. */
    readonly pick: number,
    /** Milliseconds from the deadline: -1, 0 or 1. */
    readonly offsetMs: number,
    /** Then describe every key. */
    readonly thenDescribe = false,
  ) {}

  check(): boolean {
    return true;
  }

  async run(model: KmsModel, system: KmsSystem): Promise<void> {
    const now = model.state.now.getTime();
    const ahead = deadlines(model.state, this.deadline)
      .map((instant) => instant + this.offsetMs)
      .filter((instant) => instant > now)
      .sort((a, b) => a - b);
    const target = ahead[this.pick % Math.max(ahead.length, 1)];
    if (target === undefined) return;
    model.state.now = new Date(target);
    system.clock.set(new Date(target));
    if (this.thenDescribe) await readAllKeys(model, system);
  }

  toString(): string {
    const offset =
      this.offsetMs === 0 ? "" : ` ${this.offsetMs > 0 ? "+" : "-"} ${Math.abs(this.offsetMs)} ms`;
    const then = this.thenDescribe ? ", then DescribeKey of every key" : "";
    return `AdvanceTo(${this.deadline}#${this.pick}${offset}${then})`;
  }
}

function deadlines(state: ModelState, deadline: Deadline): number[] {
  const instants: number[] = [];
  state.keys.forEach((_, index) => {
    const key = liveKey(state, index);
    if (key === undefined) return;
    if (deadline === "ValidTo") {
      for (const held of [key.material, ...(key.others ?? []).map((o) => o.held)])
        if (held?.validTo !== undefined) instants.push(held.validTo.getTime());
    }
    if (deadline === "DeletionDate" && key.deletionDate !== undefined) {
      instants.push(key.deletionDate.getTime());
    }
    if (deadline === "ParametersValidTo") {
      for (const token of key.liveTokens) {
        const validTo = state.tokens[token]?.validTo;
        if (validTo !== undefined) instants.push(validTo.getTime());
      }
    }
  });
  return instants;
}
