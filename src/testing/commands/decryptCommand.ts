import type { DecryptResponse } from "../../domain/requests/decrypt.js";
import { liveKey } from "../model/liveKey.js";
import { enabledOnly } from "../model/lookUpKey.js";
import { differences } from "./differences.js";
import { encryptionContexts } from "./encryptionContexts.js";
import { type KmsModel, StepCommand } from "./kmsCommand.js";
import type { KmsSystem } from "./kmsSystem.js";
import { outcomeOf, type Step } from "./step.js";

/** What a Decrypt command sends with the ciphertext it picked. */
export interface DecryptChoices {
  /** Which ciphertext of the run (modulo how many there are). */
  readonly pick: number;
  /** `KeyId`: none, the ciphertext's key (by ID or ARN), or another key. */
  readonly keyId: "none" | "id" | "arn" | "other";
  /** The encryption context it was made with (its pairs in reverse order, too), or another one. */
  readonly context: "same" | "reordered" | "other";
  /** Flip one bit of the ciphertext's last byte. */
  readonly tamper: boolean;
}

/**
 * Decrypt: a ciphertext names its key, so `KeyId` is optional but must match
 * (IncorrectKeyException); the key must be Enabled; any change of the ciphertext or the context
 * is InvalidCiphertextException; material reimported after expiry decrypts what it encrypted.
 */
export class DecryptCommand extends StepCommand {
  constructor(readonly choices: DecryptChoices) {
    super();
  }

  async prepare(model: KmsModel, system: KmsSystem): Promise<Step<DecryptResponse>> {
    const { pick, keyId, context, tamper } = this.choices;
    const count = model.state.ciphertexts.length;
    const position = pick % Math.max(count, 1);
    const made = model.state.ciphertexts[position];
    const held = system.ciphertexts[position];
    if (made === undefined || held === undefined) {
      return {
        label: `${this.toString()} with no ciphertext yet`,
        predict: () => ({ error: "InvalidCiphertextException" }),
        run: () => outcomeOf(system.kms.decrypt({ CiphertextBlob: new Uint8Array(100).fill(3) })),
      };
    }
    const contextPosition =
      (made.context + (context === "other" ? 1 : 0)) % encryptionContexts.length;
    const blob = Uint8Array.from(held.blob);
    if (tamper) blob[blob.length - 1] = (blob.at(-1) ?? 0) ^ 1;
    const keyIndex = keyId === "other" ? made.key + 1 : made.key;
    const request = {
      CiphertextBlob: blob,
      EncryptionContext: inOrder(
        encryptionContexts[contextPosition] ?? {},
        context === "reordered",
      ),
      ...(keyId === "none"
        ? {}
        : {
            KeyId: system.keyIdOf({
              kind: "key",
              index: keyIndex,
              form: keyId === "id" ? "id" : "arn",
            }),
          }),
    };
    return {
      label: this.toString(),
      predict: (state) => {
        if (keyId === "other") return { error: "IncorrectKeyException" };
        const key = liveKey(state, made.key);
        if (key === undefined) {
          return { error: keyId === "none" ? "InvalidCiphertextException" : "NotFoundException" };
        }
        const enabled = enabledOnly({ index: made.key, key });
        if (typeof enabled === "string") return { error: enabled };
        if (tamper || contextPosition !== made.context)
          return { error: "InvalidCiphertextException" };
        const bound = key.bound;
        return {
          check: (response) => {
            const problems = differences(response, { KeyId: system.keys[made.key]?.arn });
            if (held.plaintext !== undefined) {
              if (!sameBytes(response.Plaintext, held.plaintext))
                problems.push("Plaintext differs from what was encrypted");
            } else if (response.Plaintext?.byteLength !== held.plaintextBytes) {
              problems.push(`Plaintext is not ${held.plaintextBytes} bytes`);
            }
            if (bound !== undefined)
              problems.push(...system.checkMaterialId(made.key, bound, response.KeyMaterialId));
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

function sameBytes(a: Uint8Array | undefined, b: Uint8Array): boolean {
  return (
    a instanceof Uint8Array && a.byteLength === b.byteLength && a.every((byte, i) => byte === b[i])
  );
}

/** The context with its pairs in the same or the reverse order: order must not matter. */
function inOrder(
  context: Readonly<Record<string, string>>,
  reversed: boolean,
): Record<string, string> {
  const pairs = Object.entries(context);
  return Object.fromEntries(reversed ? pairs.reverse() : pairs);
}
