import type { GenerateDataKeyResponse } from "../../domain/requests/generateDataKey.js";
import { usageRefusal } from "../model/keyUsage.js";
import { lookUpEnabledKey } from "../model/lookUpKey.js";
import { currentMaterial } from "../model/modelMaterials.js";
import { differences } from "./differences.js";
import { encryptionContexts } from "./encryptionContexts.js";
import { type KeyChoice, resolveKeyChoice, showKeyChoice } from "./keyChoice.js";
import { type KmsModel, StepCommand } from "./kmsCommand.js";
import type { KmsSystem } from "./kmsSystem.js";
import { outcomeOf, type Step } from "./step.js";

/** The size of a data key: a `KeySpec`, or a `NumberOfBytes` (1–1024). */
export type DataKeySize = "AES_256" | "AES_128" | number;

/** GenerateDataKey, or GenerateDataKeyWithoutPlaintext: like Encrypt, of fresh random bytes. */
export class GenerateDataKeyCommand extends StepCommand {
  constructor(
    readonly key: KeyChoice,
    readonly size: DataKeySize,
    readonly withPlaintext: boolean,
    readonly context: number,
  ) {
    super();
  }

  async prepare(
    model: KmsModel,
    system: KmsSystem,
  ): Promise<Step<Partial<GenerateDataKeyResponse>>> {
    const ref = resolveKeyChoice(model.state, this.key);
    const context = this.context % encryptionContexts.length;
    const size = this.size;
    const bytes = size === "AES_256" ? 32 : size === "AES_128" ? 16 : size;
    const request = {
      KeyId: system.keyIdOf(ref),
      EncryptionContext: encryptionContexts[context] ?? {},
      ...(typeof size === "number" ? { NumberOfBytes: size } : { KeySpec: size }),
    };
    return {
      label: this.toString(),
      predict: (state) => {
        const found = lookUpEnabledKey(state, ref);
        if (typeof found === "string") return { error: found };
        const { index, key } = found;
        const refused = usageRefusal(key, "GenerateDataKey");
        if (refused !== undefined) return { error: refused };
        const material = currentMaterial(key);
        state.ciphertexts.push({ key: index, material, context });
        return {
          check: (response) => {
            const problems = differences(response, { KeyId: system.keys[index]?.arn });
            if (!(response.CiphertextBlob instanceof Uint8Array))
              problems.push("no CiphertextBlob");
            if (this.withPlaintext && response.Plaintext?.byteLength !== bytes) {
              problems.push(`Plaintext is not ${bytes} bytes`);
            }
            if (!this.withPlaintext && response.Plaintext !== undefined) {
              problems.push("GenerateDataKeyWithoutPlaintext returned the plaintext");
            }
            problems.push(...system.checkMaterialId(index, material, response.KeyMaterialId));
            return problems;
          },
        };
      },
      run: async () => {
        const outcome = await outcomeOf<Partial<GenerateDataKeyResponse>>(
          this.withPlaintext
            ? system.kms.generateDataKey(request)
            : system.kms.generateDataKeyWithoutPlaintext(request),
        );
        if (outcome.ok && outcome.value.CiphertextBlob !== undefined) {
          const { CiphertextBlob: blob, Plaintext: plaintext } = outcome.value;
          system.ciphertexts.push(
            plaintext === undefined
              ? { blob, plaintextBytes: bytes }
              : { blob, plaintextBytes: bytes, plaintext },
          );
        }
        return outcome;
      },
    };
  }

  toString(): string {
    const operation = this.withPlaintext ? "GenerateDataKey" : "GenerateDataKeyWithoutPlaintext";
    return `${operation}(${showKeyChoice(this.key)}, ${this.size}, context#${this.context})`;
  }
}
