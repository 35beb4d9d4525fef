import type { ReEncryptResponse } from "../../domain/requests/reEncrypt.js";
import { sameBytes } from "../../domain/sameBytes.js";
import { type KeyRef, resolveKeyRef, showKeyRef } from "../model/keyRef.js";
import { liveKey } from "../model/liveKey.js";
import { enabledOnly } from "../model/lookUpKey.js";
import { currentMaterial } from "../model/modelMaterials.js";
import { differences } from "./differences.js";
import { encryptRefusal } from "./encryptCommand.js";
import { encryptionContexts } from "./encryptionContexts.js";
import { type DecryptChoices, heldCiphertext, predictDecrypt } from "./heldCiphertext.js";
import { type KmsModel, StepCommand } from "./kmsCommand.js";
import type { KmsSystem } from "./kmsSystem.js";
import { outcomeOf, type Step } from "./step.js";

/**
 * ReEncrypt (docs/decisions/0028-re-encrypt.md): decrypts a ciphertext of the run as Decrypt
 * would (`SourceKeyId` as DecryptCommand's `KeyId`), then encrypts it under the destination key,
 * which must be Enabled and (current profile) a symmetric encryption key. The destination reference is resolved first. The new ciphertext joins
 * the run's, with the plaintext of the old one.
 */
export class ReEncryptCommand extends StepCommand {
  constructor(
    readonly source: DecryptChoices,
    readonly destination: KeyRef,
    readonly destinationContext: number,
  ) {
    super();
  }

  async prepare(model: KmsModel, system: KmsSystem): Promise<Step<ReEncryptResponse>> {
    const picked = heldCiphertext(model, system, this.source);
    const context = this.destinationContext % encryptionContexts.length;
    const request = {
      CiphertextBlob: picked?.request.CiphertextBlob ?? new Uint8Array(100).fill(3),
      SourceEncryptionContext: picked?.request.EncryptionContext ?? {},
      ...(picked?.request.KeyId === undefined ? {} : { SourceKeyId: picked.request.KeyId }),
      ...(picked?.request.EncryptionAlgorithm === undefined
        ? {}
        : { SourceEncryptionAlgorithm: picked.request.EncryptionAlgorithm }),
      DestinationKeyId: system.keyIdOf(this.destination),
      DestinationEncryptionContext: encryptionContexts[context] ?? {},
    };
    return {
      label: picked === undefined ? `${this.toString()} with no ciphertext yet` : this.toString(),
      predict: (state) => {
        const destination = resolveKeyRef(state, this.destination, "resolve");
        if (typeof destination === "string") return { error: destination };
        if (picked === undefined) return { error: "InvalidCiphertextException" };
        const source = predictDecrypt(state, picked, this.source);
        if (typeof source === "string") return { error: source };
        const key = liveKey(state, destination);
        if (key === undefined) return { error: "NotFoundException" };
        const enabled = enabledOnly({ index: destination, key });
        if (typeof enabled === "string") return { error: enabled };
        const bytes = picked.held.plaintextBytes;
        const refused = encryptRefusal(key, undefined, context, bytes);
        if (refused !== undefined) return { error: refused };
        const destinationMaterial = currentMaterial(key);
        state.ciphertexts.push({ key: destination, material: destinationMaterial, context });
        const expected = {
          SourceKeyId: system.keys[source.index]?.arn,
          KeyId: system.keys[destination]?.arn,
          SourceEncryptionAlgorithm: picked.made.algorithm ?? "SYMMETRIC_DEFAULT",
          DestinationEncryptionAlgorithm: "SYMMETRIC_DEFAULT",
        };
        const sourceMaterial = picked.made.material;
        return {
          check: (response) => {
            const problems = differences(response, expected);
            problems.push(
              ...(picked.made.algorithm === undefined
                ? system.checkMaterialId(source.index, sourceMaterial, response.SourceKeyMaterialId)
                : differences(response, { SourceKeyMaterialId: undefined })),
              ...system.checkMaterialId(
                destination,
                destinationMaterial,
                response.DestinationKeyMaterialId,
              ),
            );
            if (sameBytes(response.CiphertextBlob, request.CiphertextBlob))
              problems.push("CiphertextBlob is the ciphertext it was given");
            return problems;
          },
        };
      },
      run: async () => {
        const outcome = await outcomeOf(system.kms.reEncrypt(request));
        if (outcome.ok && picked !== undefined) {
          system.ciphertexts.push({
            blob: outcome.value.CiphertextBlob,
            plaintextBytes: picked.held.plaintextBytes,
            ...(picked.held.plaintext === undefined ? {} : { plaintext: picked.held.plaintext }),
          });
        }
        return outcome;
      },
    };
  }

  toString(): string {
    const { pick, keyId, context, tamper } = this.source;
    return `ReEncrypt(ciphertext#${pick}, SourceKeyId ${keyId}, ${context} context${tamper ? ", tampered" : ""} → ${showKeyRef(this.destination)}, context#${this.destinationContext})`;
  }
}
