import type { DecryptResponse } from "../../domain/requests/decrypt.js";
import { liveKey } from "../model/liveKey.js";
import { enabledOnly, type LookedUp } from "../model/lookUpKey.js";
import type { ModelCiphertext, ModelState } from "../model/modelState.js";
import { differences } from "./differences.js";
import { encryptionContexts } from "./encryptionContexts.js";
import { type KmsModel, StepCommand } from "./kmsCommand.js";
import type { HeldCiphertext, KmsSystem } from "./kmsSystem.js";
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
            const problems = differences(response, { KeyId: system.keys[made.key]?.arn });
            if (held.plaintext !== undefined) {
              if (!sameBytes(response.Plaintext, held.plaintext))
                problems.push("Plaintext differs from what was encrypted");
            } else if (response.Plaintext?.byteLength !== held.plaintextBytes) {
              problems.push(`Plaintext is not ${held.plaintextBytes} bytes`);
            }
            problems.push(
              ...system.checkMaterialId(made.key, made.material, response.KeyMaterialId),
            );
            return problems;
          },
        };
      },
      run: () =>
        outcomeOf(
          system.kms.decrypt({
            CiphertextBlob: request.CiphertextBlob,
            EncryptionContext: request.EncryptionContext,
            ...(request.KeyId === undefined ? {} : { KeyId: request.KeyId }),
          }),
        ),
    };
  }

  toString(): string {
    const { pick, keyId, context, tamper } = this.choices;
    return `Decrypt(ciphertext#${pick}, KeyId ${keyId}, ${context} context${tamper ? ", tampered" : ""})`;
  }
}

/** A ciphertext of the run as a command picked it, and what it sends to decrypt it. */
export interface HeldSource {
  readonly made: ModelCiphertext;
  readonly held: HeldCiphertext;
  readonly contextPosition: number;
  readonly request: {
    readonly CiphertextBlob: Uint8Array;
    readonly EncryptionContext: Record<string, string>;
    readonly KeyId?: string;
  };
}

/** The ciphertext `choices.pick` names and the members that decrypt it as chosen, if any exists. */
export function heldCiphertext(
  model: KmsModel,
  system: KmsSystem,
  choices: DecryptChoices,
): HeldSource | undefined {
  const { pick, keyId, context, tamper } = choices;
  const position = pick % Math.max(model.state.ciphertexts.length, 1);
  const made = model.state.ciphertexts[position];
  const held = system.ciphertexts[position];
  if (made === undefined || held === undefined) return undefined;
  const contextPosition =
    (made.context + (context === "other" ? 1 : 0)) % encryptionContexts.length;
  const blob = Uint8Array.from(held.blob);
  if (tamper) blob[blob.length - 1] = (blob.at(-1) ?? 0) ^ 1;
  const keyIndex = keyId === "other" ? made.key + 1 : made.key;
  return {
    made,
    held,
    contextPosition,
    request: {
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
    },
  };
}

/** The model's answer to decrypting `source` as chosen: the error, or the key that decrypts. */
export function predictDecrypt(
  state: ModelState,
  source: HeldSource,
  choices: DecryptChoices,
): LookedUp {
  const { made, contextPosition } = source;
  if (choices.keyId === "other") return "IncorrectKeyException";
  const key = liveKey(state, made.key);
  if (key === undefined) {
    return choices.keyId === "none" ? "InvalidCiphertextException" : "NotFoundException";
  }
  const enabled = enabledOnly({ index: made.key, key });
  if (typeof enabled === "string") return enabled;
  if (choices.tamper || contextPosition !== made.context) return "InvalidCiphertextException";
  return enabled;
}

/** Tells whether `a` holds exactly the bytes of `b`. */
export function sameBytes(a: Uint8Array | undefined, b: Uint8Array): boolean {
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
