import type { ScheduleKeyDeletionResponse } from "../../domain/requests/scheduleKeyDeletion.js";
import { type KeyRef, resolveKeyRef, showKeyRef } from "../model/keyRef.js";
import { lookUpKey } from "../model/lookUpKey.js";
import { differences } from "./differences.js";
import { type KmsModel, StepCommand } from "./kmsCommand.js";
import type { KmsSystem } from "./kmsSystem.js";
import { outcomeOf, type Step } from "./step.js";

const dayMs = 24 * 60 * 60 * 1000;

/** ScheduleKeyDeletion (docs/decisions/0013-deletion-window.md): a window of 7–30 days (30 when absent), from any state but PendingDeletion. */
export class ScheduleKeyDeletionCommand extends StepCommand {
  constructor(
    readonly key: KeyRef,
    readonly pendingWindowInDays: number | undefined,
  ) {
    super();
  }

  async prepare(_model: KmsModel, system: KmsSystem): Promise<Step<ScheduleKeyDeletionResponse>> {
    const days = this.pendingWindowInDays;
    return {
      label: this.toString(),
      predict: (state) => {
        // Members are checked before the key reference is read.
        if (days !== undefined && (days < 7 || days > 30)) return { error: "ValidationException" };
        const reference = resolveKeyRef(state, this.key, "refuse");
        if (typeof reference === "string") return { error: reference };
        const found = lookUpKey(state, this.key);
        if (typeof found === "string") return { error: found };
        const { key, index } = found;
        if (key.state === "PendingDeletion") return { error: "KMSInvalidStateException" };
        const window = days ?? 30;
        key.state = "PendingDeletion";
        key.deletionDate = new Date(state.now.getTime() + window * dayMs);
        key.pendingWindowInDays = window;
        const expected = {
          KeyId: system.keys[index]?.arn,
          DeletionDate: key.deletionDate,
          KeyState: "PendingDeletion",
          PendingWindowInDays: window,
        };
        return { check: (response) => differences(response, expected) };
      },
      run: () =>
        outcomeOf(
          system.kms.scheduleKeyDeletion({
            KeyId: system.keyIdOf(this.key),
            ...(days === undefined ? {} : { PendingWindowInDays: days }),
          }),
        ),
    };
  }

  toString(): string {
    return `ScheduleKeyDeletion(${showKeyRef(this.key)}, ${this.pendingWindowInDays ?? "default"} days)`;
  }
}
