import type { GetKeyRotationStatusResponse } from "../../domain/requests/enableKeyRotation.js";
import { type KeyRef, showKeyRef } from "../model/keyRef.js";
import { lookUpKey } from "../model/lookUpKey.js";
import type { ModelKey } from "../model/modelState.js";
import { differences } from "./differences.js";
import { type KmsModel, StepCommand } from "./kmsCommand.js";
import type { KmsSystem } from "./kmsSystem.js";
import { outcomeOf, type Step } from "./step.js";

const dayMs = 86_400_000;

/**
 * EnableKeyRotation, DisableKeyRotation or GetKeyRotationStatus (docs/decisions/0026-rotation-settings.md):
 * EXTERNAL keys refuse them all; changes need an Enabled key, and each is read back with
 * GetKeyRotationStatus; the status reads off while the key is pending deletion, and names the
 * next whole period after rotation was turned on.
 */
export class KeyRotationCommand extends StepCommand {
  constructor(
    readonly operation: "EnableKeyRotation" | "DisableKeyRotation" | "GetKeyRotationStatus",
    readonly key: KeyRef,
    /** `RotationPeriodInDays` of EnableKeyRotation, when sent. */
    readonly periodInDays?: number,
  ) {
    super();
  }

  async prepare(_model: KmsModel, system: KmsSystem): Promise<Step<GetKeyRotationStatusResponse>> {
    return {
      label: this.toString(),
      predict: (state) => {
        const found = lookUpKey(state, this.key);
        if (typeof found === "string") return { error: found };
        const { key, index } = found;
        if (key.origin !== "AWS_KMS") return { error: "UnsupportedOperationException" };
        if (this.operation !== "GetKeyRotationStatus") {
          if (key.state === "Disabled") return { error: "DisabledException" };
          if (key.state !== "Enabled") return { error: "KMSInvalidStateException" };
          if (this.operation === "DisableKeyRotation") delete key.rotation;
          else {
            key.rotation = {
              enabledAt: key.rotation?.enabledAt ?? state.now,
              periodInDays: this.periodInDays ?? 365,
            };
          }
        }
        const expected = { KeyId: system.keys[index]?.arn, ...status(key, state.now) };
        return { check: (response) => differences(response, expected) };
      },
      run: async () => {
        const KeyId = system.keyIdOf(this.key);
        if (this.operation !== "GetKeyRotationStatus") {
          // A change answers nothing; the status read right after shows what it stored.
          const changed = await outcomeOf(
            this.operation === "DisableKeyRotation"
              ? system.kms.disableKeyRotation({ KeyId })
              : system.kms.enableKeyRotation({
                  KeyId,
                  ...(this.periodInDays === undefined
                    ? {}
                    : { RotationPeriodInDays: this.periodInDays }),
                }),
          );
          if (!changed.ok) return changed;
        }
        return outcomeOf(system.kms.getKeyRotationStatus({ KeyId }));
      },
    };
  }

  toString(): string {
    const period = this.periodInDays === undefined ? "" : `, ${this.periodInDays} days`;
    return `${this.operation}(${showKeyRef(this.key)}${period})`;
  }
}

/** The status members the model expects; `undefined` members must be absent. */
function status(key: ModelKey, now: Date) {
  const rotation = key.rotation;
  if (rotation === undefined || key.state === "PendingDeletion") {
    return {
      KeyRotationEnabled: false,
      RotationPeriodInDays: undefined,
      NextRotationDate: undefined,
    };
  }
  const periodMs = rotation.periodInDays * dayMs;
  const periods = Math.floor((now.getTime() - rotation.enabledAt.getTime()) / periodMs) + 1;
  return {
    KeyRotationEnabled: true,
    RotationPeriodInDays: rotation.periodInDays,
    NextRotationDate: new Date(rotation.enabledAt.getTime() + periods * periodMs),
  };
}
