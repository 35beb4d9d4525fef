import type { EmptyResponse } from "../../domain/requests/keyIdRequest.js";
import { type KeyRef, showKeyRef } from "../model/keyRef.js";
import { lookUpKey } from "../model/lookUpKey.js";
import { type KmsModel, StepCommand } from "./kmsCommand.js";
import type { KmsSystem } from "./kmsSystem.js";
import { outcomeOf, type Step } from "./step.js";

/** EnableKey or DisableKey: only a key holding material that is not pending deletion (docs/decisions/0014-key-state-errors.md). */
export class EnableOrDisableKeyCommand extends StepCommand {
  constructor(
    readonly operation: "EnableKey" | "DisableKey",
    readonly key: KeyRef,
  ) {
    super();
  }

  async prepare(_model: KmsModel, system: KmsSystem): Promise<Step<EmptyResponse>> {
    return {
      label: this.toString(),
      predict: (state) => {
        const found = lookUpKey(state, this.key);
        if (typeof found === "string") return { error: found };
        if (found.key.state === "PendingImport" || found.key.state === "PendingDeletion") {
          return { error: "KMSInvalidStateException" };
        }
        found.key.state = this.operation === "EnableKey" ? "Enabled" : "Disabled";
        return { check: () => [] };
      },
      run: () => {
        const request = { KeyId: system.keyIdOf(this.key) };
        return outcomeOf(
          this.operation === "EnableKey"
            ? system.kms.enableKey(request)
            : system.kms.disableKey(request),
        );
      },
    };
  }

  toString(): string {
    return `${this.operation}(${showKeyRef(this.key)})`;
  }
}
