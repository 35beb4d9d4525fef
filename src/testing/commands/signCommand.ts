import { createHash } from "node:crypto";
import type { SignResponse } from "../../domain/requests/sign.js";
import {
  hashBytesOf,
  hashOf,
  type ModelSigningAlgorithm,
  modelSigningAlgorithms,
} from "../model/modelKeyKinds.js";
import { differences } from "./differences.js";
import { type KeyChoice, resolveKeyChoice, showKeyChoice } from "./keyChoice.js";
import {
  type AlgorithmChoice,
  chooseAlgorithm,
  heldSpecMaterial,
  keyAt,
  showAlgorithm,
  usableKey,
  verifiesOutside,
} from "./keyUse.js";
import { type KmsModel, StepCommand } from "./kmsCommand.js";
import type { KmsSystem } from "./kmsSystem.js";
import { outcomeOf, type Step } from "./step.js";

/** What a Sign or Verify command sends as the message: itself, its digest, or 20 bytes as a digest. */
export type MessageChoice = "RAW" | "DIGEST" | "wrongDigest";

/** What a Sign command sends. */
export interface SignChoices {
  readonly key: KeyChoice;
  readonly message: Uint8Array;
  readonly messageType: MessageChoice;
  readonly algorithm: AlgorithmChoice;
  readonly dryRun: boolean;
}

/** The `Message` and `MessageType` members of `message` sent as `type` for `algorithm`. */
export function messageMembers(message: Uint8Array, type: MessageChoice, algorithm: string) {
  if (type === "RAW") return { Message: message, MessageType: "RAW" as const };
  const Message =
    type === "DIGEST"
      ? new Uint8Array(createHash(hashOf(algorithm)).update(message).digest())
      : Uint8Array.from({ length: 20 }, (_, i) => message[i % message.byteLength] ?? 0);
  return { Message, MessageType: "DIGEST" as const };
}

/**
 * Sign (docs/decisions/0031-hmac-and-asymmetric-import.md): an `Enabled` signing key signs with
 * an algorithm it offers, a message or a digest as long as the algorithm's hash; the model checks
 * the signature with Node's crypto and the public key of the material it imported.
 */
export class SignCommand extends StepCommand {
  constructor(readonly choices: SignChoices) {
    super();
  }

  async prepare(model: KmsModel, system: KmsSystem): Promise<Step<SignResponse>> {
    const { message, messageType, dryRun } = this.choices;
    const ref = resolveKeyChoice(model.state, this.choices.key);
    const kind = keyAt(model.state, ref)?.kind;
    const algorithm: ModelSigningAlgorithm = chooseAlgorithm(
      this.choices.algorithm,
      kind,
      "SigningAlgorithms",
      modelSigningAlgorithms,
    );
    const material = await heldSpecMaterial(model.state, system, ref);
    const members = messageMembers(message, messageType, algorithm);
    return {
      label: this.toString(),
      predict: (state) => {
        const found = usableKey(state, ref, "Sign", "SigningAlgorithms", algorithm);
        if (typeof found === "string") return { error: found };
        if (members.Message.byteLength !== hashBytesOf(algorithm) && messageType !== "RAW") {
          return { error: "ValidationException" };
        }
        if (dryRun) return { error: "DryRunOperationException" };
        const expected = { KeyId: system.keys[found.index]?.arn, SigningAlgorithm: algorithm };
        return {
          check: (response) => {
            const problems = differences(response, expected);
            if (
              material === undefined ||
              !verifiesOutside(material, message, algorithm, response.Signature)
            ) {
              problems.push(
                `Signature is not ${algorithm}'s signature of the message under the imported key`,
              );
            }
            return problems;
          },
        };
      },
      run: () =>
        outcomeOf(
          system.kms.sign({
            KeyId: system.keyIdOf(ref),
            ...members,
            SigningAlgorithm: algorithm,
            ...(dryRun ? { DryRun: true } : {}),
          }),
        ),
    };
  }

  toString(): string {
    const { key, message, messageType, algorithm, dryRun } = this.choices;
    return `Sign(${showKeyChoice(key)}, <${message.byteLength} bytes> ${messageType}, ${showAlgorithm(algorithm)}${dryRun ? ", DryRun" : ""})`;
  }
}
