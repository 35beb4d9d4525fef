import type { VerifyResponse } from "../../domain/requests/verify.js";
import { offers } from "../model/keyUsage.js";
import { type ModelSigningAlgorithm, modelSigningAlgorithms } from "../model/modelKeyKinds.js";
import { differences } from "./differences.js";
import { type KeyChoice, resolveKeyChoice, showKeyChoice } from "./keyChoice.js";
import {
  type AlgorithmChoice,
  chooseAlgorithm,
  flipped,
  heldSpecMaterial,
  keyAt,
  modelSignature,
  showAlgorithm,
  usableKey,
} from "./keyUse.js";
import { type KmsModel, StepCommand } from "./kmsCommand.js";
import type { KmsSystem } from "./kmsSystem.js";
import { messageMembers } from "./signCommand.js";
import { outcomeOf, type Step } from "./step.js";

/** What a Verify command sends. */
export interface VerifyChoices {
  readonly key: KeyChoice;
  readonly message: Uint8Array;
  readonly messageType: "RAW" | "DIGEST";
  readonly algorithm: AlgorithmChoice;
  /**
   * The model's own signature of the message under the key's material, that signature with one
   * bit flipped, or its signature of another message.
   */
  readonly signature: "valid" | "tampered" | "otherMessage";
  readonly dryRun: boolean;
}

/**
 * Verify (docs/decisions/0031-hmac-and-asymmetric-import.md): the model signs with Node's crypto
 * and the private key it imported; the target must accept exactly its valid signatures
 * (`KMSInvalidSignatureException` otherwise), after the checks of Sign.
 */
export class VerifyCommand extends StepCommand {
  constructor(readonly choices: VerifyChoices) {
    super();
  }

  async prepare(model: KmsModel, system: KmsSystem): Promise<Step<VerifyResponse>> {
    const { message, messageType, signature, dryRun } = this.choices;
    const ref = resolveKeyChoice(model.state, this.choices.key);
    const key = keyAt(model.state, ref);
    const algorithm: ModelSigningAlgorithm = chooseAlgorithm(
      this.choices.algorithm,
      key?.kind,
      "SigningAlgorithms",
      modelSigningAlgorithms,
    );
    const material = await heldSpecMaterial(model.state, system, ref);
    const signs =
      material !== undefined && key !== undefined && offers(key, "SigningAlgorithms", algorithm);
    const signed =
      signs && material !== undefined
        ? modelSignature(
            material,
            signature === "otherMessage" ? Uint8Array.from([...message, 1]) : message,
            algorithm,
          )
        : new Uint8Array(64).fill(5);
    const Signature = signature === "tampered" ? flipped(signed) : signed;
    const valid = signs && signature === "valid";
    return {
      label: this.toString(),
      predict: (state) => {
        const found = usableKey(state, ref, "Verify", "SigningAlgorithms", algorithm);
        if (typeof found === "string") return { error: found };
        if (!valid) return { error: "KMSInvalidSignatureException" };
        if (dryRun) return { error: "DryRunOperationException" };
        const expected = {
          KeyId: system.keys[found.index]?.arn,
          SignatureValid: true,
          SigningAlgorithm: algorithm,
        };
        return { check: (response) => differences(response, expected) };
      },
      run: () =>
        outcomeOf(
          system.kms.verify({
            KeyId: system.keyIdOf(ref),
            ...messageMembers(message, messageType, algorithm),
            Signature,
            SigningAlgorithm: algorithm,
            ...(dryRun ? { DryRun: true } : {}),
          }),
        ),
    };
  }

  toString(): string {
    const { key, message, messageType, algorithm, signature, dryRun } = this.choices;
    return `Verify(${showKeyChoice(key)}, <${message.byteLength} bytes> ${messageType}, ${showAlgorithm(algorithm)}, ${signature} signature${dryRun ? ", DryRun" : ""})`;
  }
}
