import type { EncryptResponse } from "../../domain/requests/encrypt.js";
import { offers, usageRefusal } from "../model/keyUsage.js";
import { lookUpEnabledKey } from "../model/lookUpKey.js";
import { isRsaSpec, type ModelRsaEncryption, oaepLimitOf } from "../model/modelKeyKinds.js";
import { currentMaterial } from "../model/modelMaterials.js";
import type { ModelKey } from "../model/modelState.js";
import { differences } from "./differences.js";
import { encryptionContexts } from "./encryptionContexts.js";
import { type KeyChoice, resolveKeyChoice, showKeyChoice } from "./keyChoice.js";
import { keyAt } from "./keyUse.js";
import { type KmsModel, StepCommand } from "./kmsCommand.js";
import type { KmsSystem } from "./kmsSystem.js";
import { outcomeOf, type Step } from "./step.js";

/**
 * An RSAES-OAEP encryption (current profile): the algorithm sent, and the plaintext as given,
 * or stretched to exactly what the key's spec takes, or one byte more.
 */
export interface RsaEncryptChoice {
  readonly algorithm: ModelRsaEncryption;
  readonly size: "asGiven" | "limit" | "overLimit";
}

/**
 * Encrypt: only under an Enabled key (docs/decisions/0014-key-state-errors.md); with DryRun,
 * DryRunOperationException instead of a ciphertext. In the current profile the key's usage and
 * algorithms decide, and an RSA encryption key encrypts with RSAES-OAEP, no encryption context
 * and a plaintext its modulus takes (docs/decisions/0031-hmac-and-asymmetric-import.md).
 */
export class EncryptCommand extends StepCommand {
  constructor(
    readonly key: KeyChoice,
    readonly plaintext: Uint8Array,
    readonly context: number,
    readonly dryRun: boolean,
    readonly rsa?: RsaEncryptChoice,
  ) {
    super();
  }

  async prepare(model: KmsModel, system: KmsSystem): Promise<Step<EncryptResponse>> {
    const ref = resolveKeyChoice(model.state, this.key);
    const plaintext = sized(this.plaintext, this.rsa, keyAt(model.state, ref));
    const position = this.context % encryptionContexts.length;
    const EncryptionContext = encryptionContexts[position] ?? {};
    const algorithm = this.rsa?.algorithm;
    return {
      label: this.toString(),
      predict: (state) => {
        const found = lookUpEnabledKey(state, ref);
        if (typeof found === "string") return { error: found };
        const refused = encryptRefusal(found.key, algorithm, position, plaintext.byteLength);
        if (refused !== undefined) return { error: refused };
        if (this.dryRun) return { error: "DryRunOperationException" };
        state.ciphertexts.push({
          key: found.index,
          material: currentMaterial(found.key),
          context: position,
          ...(algorithm === undefined ? {} : { algorithm }),
        });
        const expected = {
          KeyId: system.keys[found.index]?.arn,
          EncryptionAlgorithm: algorithm ?? "SYMMETRIC_DEFAULT",
        };
        const spec = found.key.kind?.spec;
        return {
          check: (response) => {
            const problems = differences(response, expected);
            if (spec !== undefined && isRsaSpec(spec)) {
              const bytes = Number(spec.slice(4)) / 8;
              if (response.CiphertextBlob?.byteLength !== bytes)
                problems.push(`CiphertextBlob is not ${bytes} bytes`);
            }
            return problems;
          },
        };
      },
      run: async () => {
        const outcome = await outcomeOf(
          system.kms.encrypt({
            KeyId: system.keyIdOf(ref),
            Plaintext: plaintext,
            EncryptionContext,
            ...(algorithm === undefined ? {} : { EncryptionAlgorithm: algorithm }),
            ...(this.dryRun ? { DryRun: true } : {}),
          }),
        );
        if (outcome.ok) {
          system.ciphertexts.push({
            blob: outcome.value.CiphertextBlob,
            plaintextBytes: plaintext.byteLength,
            plaintext,
          });
        }
        return outcome;
      },
    };
  }

  toString(): string {
    const dryRun = this.dryRun ? ", DryRun" : "";
    const rsa = this.rsa === undefined ? "" : `, ${this.rsa.algorithm} ${this.rsa.size}`;
    return `Encrypt(${showKeyChoice(this.key)}, <${this.plaintext.byteLength} bytes>, context#${this.context}${rsa}${dryRun})`;
  }
}

/**
 * Why Encrypt refuses `key` with `algorithm` (absent: `SYMMETRIC_DEFAULT`), the encryption
 * context at `context` and `plaintextBytes` (docs/decisions/0031-hmac-and-asymmetric-import.md),
 * or `undefined`.
 */
export function encryptRefusal(
  key: ModelKey,
  algorithm: ModelRsaEncryption | undefined,
  context: number,
  plaintextBytes: number,
) {
  const usage = usageRefusal(key, "Encrypt");
  if (usage !== undefined) return usage;
  if (!offers(key, "EncryptionAlgorithms", algorithm ?? "SYMMETRIC_DEFAULT")) {
    return "InvalidKeyUsageException" as const;
  }
  const spec = key.kind?.spec;
  if (algorithm === undefined || spec === undefined || !isRsaSpec(spec)) return undefined;
  if (Object.keys(encryptionContexts[context] ?? {}).length > 0) return "ValidationException";
  return plaintextBytes > oaepLimitOf(spec, algorithm) ? "ValidationException" : undefined;
}

/** The plaintext to send: as given, or stretched to the RSA key's limit or one byte past it. */
function sized(
  plaintext: Uint8Array,
  rsa: RsaEncryptChoice | undefined,
  key: ModelKey | undefined,
): Uint8Array {
  const spec = key?.kind?.spec;
  if (rsa === undefined || rsa.size === "asGiven" || spec === undefined || !isRsaSpec(spec)) {
    return plaintext;
  }
  const length = oaepLimitOf(spec, rsa.algorithm) + (rsa.size === "overLimit" ? 1 : 0);
  return Uint8Array.from({ length }, (_, i) => plaintext[i % plaintext.byteLength] ?? 0);
}
