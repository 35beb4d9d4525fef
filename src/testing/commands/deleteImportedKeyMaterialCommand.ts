import type { DeleteImportedKeyMaterialResponse } from "../../domain/requests/deleteImportedKeyMaterial.js";
import { type KeyRef, showKeyRef } from "../model/keyRef.js";
import { removeMaterial } from "../model/liveKey.js";
import { lookUpKey } from "../model/lookUpKey.js";
import { differences } from "./differences.js";
import { type KmsModel, StepCommand } from "./kmsCommand.js";
import type { KmsSystem } from "./kmsSystem.js";
import { outcomeOf, type Step } from "./step.js";

/** Which `KeyMaterialId` the request names: none, the key's own, or one of no material. */
export type MaterialIdChoice = "absent" | "current" | "foreign";

/** DeleteImportedKeyMaterial (docs/decisions/0006-losing-material-means-pending-import.md): the key keeps only the ID of its material. */
export class DeleteImportedKeyMaterialCommand extends StepCommand {
  constructor(
    readonly key: KeyRef,
    readonly keyMaterialId: MaterialIdChoice,
  ) {
    super();
  }

  async prepare(
    model: KmsModel,
    system: KmsSystem,
  ): Promise<Step<DeleteImportedKeyMaterialResponse>> {
    const index = this.key.kind === "key" ? this.key.index : -1;
    const bound = model.state.keys[index]?.bound;
    const current = bound === undefined ? undefined : system.materialIdOf(index, bound);
    const KeyMaterialId =
      this.keyMaterialId === "foreign"
        ? "0".repeat(64)
        : this.keyMaterialId === "current"
          ? current
          : undefined;
    const request = {
      KeyId: system.keyIdOf(this.key),
      ...(KeyMaterialId === undefined ? {} : { KeyMaterialId }),
    };
    return {
      label: this.toString(),
      predict: (state) => {
        const found = lookUpKey(state, this.key);
        if (typeof found === "string") return { error: found };
        const { index, key } = found;
        if (key.origin !== "EXTERNAL") return { error: "UnsupportedOperationException" };
        if (KeyMaterialId !== undefined && KeyMaterialId !== current) {
          return { error: "NotFoundException" };
        }
        removeMaterial(key);
        // The answer names the material the key is bound to, which may have been bound by an
        // import running at the same time: its ID is read when the answer is checked, and
        // learned there if the import's own answer has not told it yet.
        const { bound } = key;
        return {
          check: (response) => [
            ...differences(response, { KeyId: system.keys[index]?.arn }),
            ...(bound === undefined
              ? differences(response, { KeyMaterialId: undefined })
              : system.checkMaterialId(index, bound, response.KeyMaterialId)),
          ],
        };
      },
      run: () => outcomeOf(system.kms.deleteImportedKeyMaterial(request)),
    };
  }

  toString(): string {
    return `DeleteImportedKeyMaterial(${showKeyRef(this.key)}, KeyMaterialId ${this.keyMaterialId})`;
  }
}
