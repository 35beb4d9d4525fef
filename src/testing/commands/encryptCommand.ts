import type { EncryptResponse } from "../../domain/requests/encrypt.js";
import { type KeyRef, showKeyRef } from "../model/keyRef.js";
import { lookUpEnabledKey } from "../model/lookUpKey.js";
import { currentMaterial } from "../model/modelMaterials.js";
import { differences } from "./differences.js";
import { encryptionContexts } from "./encryptionContexts.js";
import { type KmsModel, StepCommand } from "./kmsCommand.js";
import type { KmsSystem } from "./kmsSystem.js";
import { outcomeOf, type Step } from "./step.js";

/** Encrypt: only under an Enabled key (docs/decisions/0014-key-state-errors.md); with DryRun, DryRunOperationException instead of a ciphertext. */
export class EncryptCommand extends StepCommand {
  constructor(
    readonly key: KeyRef,
    readonly plaintext: Uint8Array,
    readonly context: number,
    readonly dryRun: boolean,
  ) {
    super();
  }

  async prepare(_model: KmsModel, system: KmsSystem): Promise<Step<EncryptResponse>> {
    const EncryptionContext = encryptionContexts[this.context % encryptionContexts.length] ?? {};
    return {
      label: this.toString(),
      predict: (state) => {
        const found = lookUpEnabledKey(state, this.key);
        if (typeof found === "string") return { error: found };
        if (this.dryRun) return { error: "DryRunOperationException" };
        state.ciphertexts.push({
          key: found.index,
          material: currentMaterial(found.key),
          context: this.context % encryptionContexts.length,
        });
        const expected = {
          KeyId: system.keys[found.index]?.arn,
          EncryptionAlgorithm: "SYMMETRIC_DEFAULT",
        };
        return { check: (response) => differences(response, expected) };
      },
      run: async () => {
        const outcome = await outcomeOf(
          system.kms.encrypt({
            KeyId: system.keyIdOf(this.key),
            Plaintext: this.plaintext,
            EncryptionContext,
            ...(this.dryRun ? { DryRun: true } : {}),
          }),
        );
        if (outcome.ok) {
          system.ciphertexts.push({
            blob: outcome.value.CiphertextBlob,
            plaintextBytes: this.plaintext.byteLength,
            plaintext: this.plaintext,
          });
        }
        return outcome;
      },
    };
  }

  toString(): string {
    const dryRun = this.dryRun ? ", DryRun" : "";
    return `Encrypt(${showKeyRef(this.key)}, <${this.plaintext.byteLength} bytes>, context#${this.context}${dryRun})`;
  }
}
