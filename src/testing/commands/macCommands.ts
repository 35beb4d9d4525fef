import type { GenerateMacResponse } from "../../domain/requests/generateMac.js";
import type { VerifyMacResponse } from "../../domain/requests/verifyMac.js";
import { sameBytes } from "../../domain/sameBytes.js";
import { offers } from "../model/keyUsage.js";
import { type ModelMacAlgorithm, modelMacAlgorithms } from "../model/modelKeyKinds.js";
import { differences } from "./differences.js";
import { type KeyChoice, resolveKeyChoice, showKeyChoice } from "./keyChoice.js";
import {
  type AlgorithmChoice,
  chooseAlgorithm,
  flipped,
  heldSpecMaterial,
  keyAt,
  modelMac,
  showAlgorithm,
  usableKey,
} from "./keyUse.js";
import { type KmsModel, StepCommand } from "./kmsCommand.js";
import type { KmsSystem } from "./kmsSystem.js";
import { outcomeOf, type Step } from "./step.js";

/** What a GenerateMac or VerifyMac command sends. */
export interface MacChoices {
  readonly key: KeyChoice;
  readonly message: Uint8Array;
  readonly algorithm: AlgorithmChoice;
  readonly dryRun: boolean;
}

/**
 * GenerateMac (docs/decisions/0031-hmac-and-asymmetric-import.md): an `Enabled` HMAC key's MAC
 * by its one algorithm, byte for byte the HMAC the model computes with Node's crypto from the
 * material it imported.
 */
export class GenerateMacCommand extends StepCommand {
  constructor(readonly choices: MacChoices) {
    super();
  }

  async prepare(model: KmsModel, system: KmsSystem): Promise<Step<GenerateMacResponse>> {
    const { message, dryRun } = this.choices;
    const ref = resolveKeyChoice(model.state, this.choices.key);
    const algorithm = macAlgorithm(model, ref, this.choices.algorithm);
    const material = await heldSpecMaterial(model.state, system, ref);
    return {
      label: this.toString(),
      predict: (state) => {
        const found = usableKey(state, ref, "GenerateMac", "MacAlgorithms", algorithm);
        if (typeof found === "string") return { error: found };
        if (dryRun) return { error: "DryRunOperationException" };
        const expected = { KeyId: system.keys[found.index]?.arn, MacAlgorithm: algorithm };
        return {
          check: (response) => {
            const problems = differences(response, expected);
            if (
              material === undefined ||
              !sameBytes(response.Mac, modelMac(material, message, algorithm))
            ) {
              problems.push(`Mac is not the ${algorithm} of the message under the imported key`);
            }
            return problems;
          },
        };
      },
      run: () =>
        outcomeOf(
          system.kms.generateMac({
            KeyId: system.keyIdOf(ref),
            Message: message,
            MacAlgorithm: algorithm,
            ...(dryRun ? { DryRun: true } : {}),
          }),
        ),
    };
  }

  toString(): string {
    const { key, message, algorithm, dryRun } = this.choices;
    return `GenerateMac(${showKeyChoice(key)}, <${message.byteLength} bytes>, ${showAlgorithm(algorithm)}${dryRun ? ", DryRun" : ""})`;
  }
}

/**
 * VerifyMac (docs/decisions/0031-hmac-and-asymmetric-import.md): the model's own HMAC of the
 * message verifies; with a bit flipped or a byte short it is `KMSInvalidMacException`.
 */
export class VerifyMacCommand extends StepCommand {
  constructor(
    readonly choices: MacChoices,
    readonly mac: "valid" | "tampered" | "truncated",
  ) {
    super();
  }

  async prepare(model: KmsModel, system: KmsSystem): Promise<Step<VerifyMacResponse>> {
    const { message, dryRun } = this.choices;
    const ref = resolveKeyChoice(model.state, this.choices.key);
    const algorithm = macAlgorithm(model, ref, this.choices.algorithm);
    const material = await heldSpecMaterial(model.state, system, ref);
    const key = keyAt(model.state, ref);
    const computes =
      material !== undefined && key !== undefined && offers(key, "MacAlgorithms", algorithm);
    const computed =
      computes && material !== undefined
        ? modelMac(material, message, algorithm)
        : new Uint8Array(32).fill(9);
    const Mac =
      this.mac === "tampered"
        ? flipped(computed)
        : this.mac === "truncated"
          ? computed.subarray(0, computed.byteLength - 1)
          : computed;
    return {
      label: this.toString(),
      predict: (state) => {
        const found = usableKey(state, ref, "VerifyMac", "MacAlgorithms", algorithm);
        if (typeof found === "string") return { error: found };
        if (!computes || this.mac !== "valid") return { error: "KMSInvalidMacException" };
        if (dryRun) return { error: "DryRunOperationException" };
        const expected = {
          KeyId: system.keys[found.index]?.arn,
          MacValid: true,
          MacAlgorithm: algorithm,
        };
        return { check: (response) => differences(response, expected) };
      },
      run: () =>
        outcomeOf(
          system.kms.verifyMac({
            KeyId: system.keyIdOf(ref),
            Message: message,
            MacAlgorithm: algorithm,
            Mac,
            ...(dryRun ? { DryRun: true } : {}),
          }),
        ),
    };
  }

  toString(): string {
    const { key, message, algorithm, dryRun } = this.choices;
    return `VerifyMac(${showKeyChoice(key)}, <${message.byteLength} bytes>, ${showAlgorithm(algorithm)}, ${this.mac} MAC${dryRun ? ", DryRun" : ""})`;
  }
}

function macAlgorithm(
  model: KmsModel,
  ref: ReturnType<typeof resolveKeyChoice>,
  choice: AlgorithmChoice,
): ModelMacAlgorithm {
  const kind = keyAt(model.state, ref)?.kind;
  return chooseAlgorithm(choice, kind, "MacAlgorithms", modelMacAlgorithms);
}
