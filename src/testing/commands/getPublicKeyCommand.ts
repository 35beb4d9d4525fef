import type { GetPublicKeyResponse } from "../../domain/requests/getPublicKey.js";
import { sameBytes } from "../../domain/sameBytes.js";
import { lookUpEnabledKey } from "../model/lookUpKey.js";
import { hasPublicKey } from "../model/modelKeyKinds.js";
import { differences } from "./differences.js";
import { type KeyChoice, resolveKeyChoice, showKeyChoice } from "./keyChoice.js";
import { heldSpecMaterial } from "./keyUse.js";
import { kindDifferences } from "./kindDifferences.js";
import { type KmsModel, StepCommand } from "./kmsCommand.js";
import type { KmsSystem } from "./kmsSystem.js";
import { outcomeOf, type Step } from "./step.js";

/**
 * GetPublicKey (docs/decisions/0031-hmac-and-asymmetric-import.md): an `Enabled` RSA or ECC key
 * answers, byte for byte, the DER `SubjectPublicKeyInfo` of the private key the model imported,
 * with its spec, usage and algorithms; a symmetric or HMAC key is
 * `UnsupportedOperationException`.
 */
export class GetPublicKeyCommand extends StepCommand {
  constructor(readonly key: KeyChoice) {
    super();
  }

  async prepare(model: KmsModel, system: KmsSystem): Promise<Step<GetPublicKeyResponse>> {
    const ref = resolveKeyChoice(model.state, this.key);
    const material = await heldSpecMaterial(model.state, system, ref);
    return {
      label: this.toString(),
      predict: (state) => {
        const found = lookUpEnabledKey(state, ref);
        if (typeof found === "string") return { error: found };
        if (!hasPublicKey(found.key.kind)) return { error: "UnsupportedOperationException" };
        const { index, key } = found;
        return {
          check: (response) => {
            const problems = [
              ...differences(response, { KeyId: system.keys[index]?.arn }),
              ...kindDifferences(response, key, ["EncryptionAlgorithms", "SigningAlgorithms"]),
            ];
            if (
              material?.publicKey === undefined ||
              !sameBytes(response.PublicKey, material.publicKey)
            ) {
              problems.push("PublicKey is not the public key of the imported private key");
            }
            return problems;
          },
        };
      },
      run: () => outcomeOf(system.kms.getPublicKey({ KeyId: system.keyIdOf(ref) })),
    };
  }

  toString(): string {
    return `GetPublicKey(${showKeyChoice(this.key)})`;
  }
}
