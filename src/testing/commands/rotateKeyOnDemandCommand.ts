import type { RotateKeyOnDemandResponse } from "../../domain/requests/keyIdRequest.js";
import { type KeyRef, showKeyRef } from "../model/keyRef.js";
import { enabledOnly, lookUpKey } from "../model/lookUpKey.js";
import { currentMaterial, rotationCount } from "../model/modelMaterials.js";
import type { ModelKey, ModelMaterial, ModelState } from "../model/modelState.js";
import { differences } from "./differences.js";
import { type KmsModel, StepCommand } from "./kmsCommand.js";
import type { KmsSystem } from "./kmsSystem.js";
import { outcomeOf, type Step } from "./step.js";

/**
 * RotateKeyOnDemand (docs/decisions/0030-rotation-of-imported-material.md): an `Enabled` key of the current profile makes its imported
 * material pending rotation (`EXTERNAL`) or fresh generated material (`AWS_KMS`) current, at
 * once; the classic profile refuses.
 */
export class RotateKeyOnDemandCommand extends StepCommand {
  constructor(readonly key: KeyRef) {
    super();
  }

  async prepare(_model: KmsModel, system: KmsSystem): Promise<Step<RotateKeyOnDemandResponse>> {
    return {
      label: this.toString(),
      predict: (state) => {
        const found = lookUpKey(state, this.key);
        if (typeof found === "string") return { error: found };
        // docs/decisions/0031-hmac-and-asymmetric-import.md: only symmetric keys rotate, whatever their state.
        if (found.key.kind !== undefined) return { error: "UnsupportedOperationException" };
        const enabled = enabledOnly(found);
        if (typeof enabled === "string") return { error: enabled };
        const refused = rotate(state, enabled.key);
        if (refused !== undefined) return { error: refused };
        return {
          check: (response) => differences(response, { KeyId: system.keys[enabled.index]?.arn }),
        };
      },
      run: () => outcomeOf(system.kms.rotateKeyOnDemand({ KeyId: system.keyIdOf(this.key) })),
    };
  }

  toString(): string {
    return `RotateKeyOnDemand(${showKeyRef(this.key)})`;
  }
}

/** Rotates `key` in the model, or names the refusal. */
function rotate(state: ModelState, key: ModelKey) {
  if (state.behaviour === "classic") return "UnsupportedOperationException" as const;
  const count = rotationCount(key);
  if (count >= state.rotationLimit) return "LimitExceededException" as const;
  const others = key.others ?? [];
  const pending = others.find((o) => o.state === "PENDING_ROTATION" && o.held);
  let next: { readonly material: ModelMaterial; readonly held: { readonly validTo?: Date } };
  if (key.origin === "AWS_KMS") next = { material: `generated#${count + 1}`, held: {} };
  else if (pending?.held !== undefined) next = { material: pending.material, held: pending.held };
  else return "KMSInvalidStateException" as const;
  key.others = [
    ...others.filter((o) => o !== pending),
    {
      material: currentMaterial(key),
      state: "NON_CURRENT",
      ...(key.material === undefined ? {} : { held: key.material }),
      ...(key.rotatedAt === undefined ? {} : { rotatedAt: key.rotatedAt }),
    },
  ];
  key.bound = next.material;
  key.material = next.held;
  key.rotatedAt = new Date(state.now.getTime());
  return undefined;
}
