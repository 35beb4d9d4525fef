import type { DecryptResponse } from "../../domain/requests/decrypt.js";
import { sameBytes } from "../../domain/sameBytes.js";
import { differences } from "./differences.js";
import { type DecryptChoices, heldCiphertext, predictDecrypt } from "./heldCiphertext.js";
import { type KmsModel, StepCommand } from "./kmsCommand.js";
import type { KmsSystem } from "./kmsSystem.js";
import { outcomeOf, type Step } from "./step.js";

export type { DecryptChoices } from "./heldCiphertext.js";

/**
 * Decrypt: a ciphertext names its key, so `KeyId` is optional but must match
 * (IncorrectKeyException); the key must be Enabled; any change of the ciphertext or the context
 * is InvalidCiphertextException; material reimported after expiry decrypts what it encrypted.
 * An RSA key's ciphertext needs its key and algorithm named
 * (docs/decisions/0031-hmac-and-asymmetric-import.md).
 */
export class DecryptCommand extends StepCommand {
  constructor(readonly choices: DecryptChoices) {
    super();
  }

  async prepare(model: KmsModel, system: KmsSystem): Promise<Step<DecryptResponse>> {
    const source = heldCiphertext(model, system, this.choices);
    if (source === undefined) {
      return {
        label: `${this.toString()} with no ciphertext yet`,
        predict: () => ({ error: "InvalidCiphertextException" }),
        run: () => outcomeOf(system.kms.decrypt({ CiphertextBlob: new Uint8Array(100).fill(3) })),
      };
    }
    const { made, held, request } = source;
    return {
      label: this.toString(),
      predict: (state) => {
        const found = predictDecrypt(state, source, this.choices);
        if (typeof found === "string") return { error: found };
        return {
          check: (response) => {
            const problems = differences(response, { KeyId: system.keys[found.index]?.arn });
            if (held.plaintext !== undefined) {
              if (!sameBytes(response.Plaintext, held.plaintext))
                problems.push("Plaintext differs from what was encrypted");
            } else if (response.Plaintext?.byteLength !== held.plaintextBytes) {
              problems.push(`Plaintext is not ${held.plaintextBytes} bytes`);
            }
            problems.push(
              ...(made.algorithm === undefined
                ? system.checkMaterialId(made.key, made.material, response.KeyMaterialId)
                : differences(response, {
                    EncryptionAlgorithm: made.algorithm,
                    KeyMaterialId: undefined,
                  })),
            );
            return problems;
          },
        };
      },
      run: () => outcomeOf(system.kms.decrypt(request)),
    };
  }

  toString(): string {
    const { pick, keyId, context, tamper } = this.choices;
    return `Decrypt(ciphertext#${pick}, KeyId ${keyId}, ${context} context${tamper ? ", tampered" : ""})`;
  }
}
