import type { CancelKeyDeletionResponse } from "../../domain/requests/keyIdRequest.js";
import { type KeyRef, showKeyRef } from "../model/keyRef.js";
import { lookUpKey } from "../model/lookUpKey.js";
import { holdsAllMaterial } from "../model/modelMaterials.js";
import { differences } from "./differences.js";
import { type KmsModel, StepCommand } from "./kmsCommand.js";
import type { KmsSystem } from "./kmsSystem.js";
import { outcomeOf, type Step } from "./step.js";

/** CancelKeyDeletion (docs/decisions/0006-losing-material-means-pending-import.md): back to Disabled with all its material, PendingImport without. */
export class CancelKeyDeletionCommand extends StepCommand {
  constructor(readonly key: KeyRef) {
    super();
  }

  async prepare(_model: KmsModel, system: KmsSystem): Promise<Step<CancelKeyDeletionResponse>> {
    return {
      label: this.toString(),
      predict: (state) => {
        const found = lookUpKey(state, this.key);
        if (typeof found === "string") return { error: found };
        const { key, index } = found;
        if (key.state !== "PendingDeletion") return { error: "KMSInvalidStateException" };
        key.state = holdsAllMaterial(key) ? "Disabled" : "PendingImport";
        delete key.deletionDate;
        delete key.pendingWindowInDays;
        return { check: (response) => differences(response, { KeyId: system.keys[index]?.arn }) };
      },
      run: () => outcomeOf(system.kms.cancelKeyDeletion({ KeyId: system.keyIdOf(this.key) })),
    };
  }

  toString(): string {
    return `CancelKeyDeletion(${showKeyRef(this.key)})`;
  }
}
