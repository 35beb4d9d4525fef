import type { DeleteImportedKeyMaterialResponse } from "../../domain/requests/deleteImportedKeyMaterial.js";
import { type KeyRef, showKeyRef } from "../model/keyRef.js";
import { removeMaterial } from "../model/liveKey.js";
import { lookUpKey } from "../model/lookUpKey.js";
import { settleState } from "../model/modelMaterials.js";
import type { ModelKey, ModelMaterial } from "../model/modelState.js";
import { differences } from "./differences.js";
import { type KmsModel, StepCommand } from "./kmsCommand.js";
import type { KmsSystem } from "./kmsSystem.js";
import { outcomeOf, type Step } from "./step.js";

/**
 * Which `KeyMaterialId` the request names: none, the key's current material, one of no material,
 * or (current profile) a non-current material or the one pending rotation. A choice whose material
 * the key does not have, or whose ID the run has not seen yet, sends none.
 */
export type MaterialIdChoice = "absent" | "current" | "foreign" | "nonCurrent" | "pending";

/**
 * DeleteImportedKeyMaterial (docs/decisions/0006-losing-material-means-pending-import.md, docs/decisions/0030-rotation-of-imported-material.md): deletes the named material, the current one by
 * default; the key keeps its ID.
 */
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
    const named = namedMaterial(model.state.keys[index], this.keyMaterialId);
    const known = named === undefined ? undefined : system.materialIdOf(index, named);
    const KeyMaterialId = this.keyMaterialId === "foreign" ? "0".repeat(64) : known;
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
        const deleted =
          known === undefined ? (KeyMaterialId === undefined ? key.bound : undefined) : named;
        const other = key.others?.find((o) => o.material === deleted);
        if (
          KeyMaterialId !== undefined &&
          (deleted === undefined || (deleted !== key.bound && other === undefined))
        ) {
          return { error: "NotFoundException" };
        }
        if (deleted === key.bound) removeMaterial(key);
        else if (other?.state === "PENDING_ROTATION")
          key.others = (key.others ?? []).filter((o) => o !== other);
        else if (other !== undefined) {
          delete other.held;
          settleState(key);
        }
        // The answer names the material deleted, which may have been bound by an import running
        // at the same time: its ID is read when the answer is checked, and learned there if the
        // import's own answer has not told it yet.
        return {
          check: (response) => [
            ...differences(response, { KeyId: system.keys[index]?.arn }),
            ...(deleted === undefined
              ? differences(response, { KeyMaterialId: undefined })
              : system.checkMaterialId(index, deleted, response.KeyMaterialId)),
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

/** The material a choice names in `key`, if the key has one such. */
function namedMaterial(
  key: ModelKey | undefined,
  choice: MaterialIdChoice,
): ModelMaterial | undefined {
  switch (choice) {
    case "current":
      return key?.bound;
    case "nonCurrent":
      return key?.others?.find((o) => o.state === "NON_CURRENT")?.material;
    case "pending":
      return key?.others?.find((o) => o.state === "PENDING_ROTATION")?.material;
    default:
      return undefined;
  }
}
