import { wrapKeyMaterial } from "../../client/wrapKeyMaterial.js";
import type { KmsErrorName } from "../../domain/kmsError.js";
import type {
  ImportKeyMaterialResponse,
  ImportType,
} from "../../domain/requests/importKeyMaterial.js";
import { type KeyRef, resolveKeyRef } from "../model/keyRef.js";
import { lookUpImportableKey } from "../model/lookUpKey.js";
import { settleState } from "../model/modelMaterials.js";
import type { ModelKey, ModelState } from "../model/modelState.js";
import { differences } from "./differences.js";
import { getParametersStep } from "./getParametersForImportCommand.js";
import {
  type CiphertextChoice,
  type ExpiryChoice,
  expiryMembers,
  isValidExpiry,
  showExpiry,
  showToken,
  type TokenChoice,
} from "./importChoices.js";
import { type KeyChoice, resolveKeyChoice, showKeyChoice } from "./keyChoice.js";
import { type KmsModel, StepCommand } from "./kmsCommand.js";
import type { KmsSystem } from "./kmsSystem.js";
import { materialToImport } from "./materialToImport.js";
import { outcomeOf, runStep, type Step } from "./step.js";

/** What an ImportKeyMaterial command sends. */
export interface ImportKeyMaterialChoices {
  readonly key: KeyChoice;
  /** Position in the run's material pool (of the key's spec, modulo its size, for an HMAC, RSA or ECC key). */
  readonly material: number;
  readonly token: TokenChoice;
  readonly ciphertext: CiphertextChoice;
  readonly expiry: ExpiryChoice;
  readonly importType?: ImportType;
  /** `KeyMaterialId`: the ID this material got in this key earlier, or one of no material. */
  readonly keyMaterialId?: "matching" | "foreign";
}

/**
 * ImportKeyMaterial, in the order of checks of docs/decisions/0020-order-of-checks.md: request (key reference, then docs/decisions/0008-expiration-model-and-valid-to.md),
 * key (exists, EXTERNAL, not pending deletion), token (docs/decisions/0007-single-use-import-tokens.md), unwrapping, material (docs/decisions/0002-material-is-exactly-32-bytes.md, docs/decisions/0004-material-bound-forever.md).
 */
export class ImportKeyMaterialCommand extends StepCommand {
  constructor(readonly choices: ImportKeyMaterialChoices) {
    super();
  }

  async prepare(model: KmsModel, system: KmsSystem): Promise<Step<ImportKeyMaterialResponse>> {
    const ref = resolveKeyChoice(model.state, this.choices.key);
    const { token, expiry, importType } = this.choices;
    if (token.kind === "fresh") {
      await runStep(
        model,
        getParametersStep(system, ref, token.wrappingAlgorithm, token.wrappingKeySpec),
      );
    }
    const position = chooseToken(model.state, ref, token);
    const parameters = position === undefined ? undefined : system.parameters[position];
    const index = ref.kind === "key" ? ref.index : -1;
    const { material, bytes } = await materialToImport(
      system,
      model.state.keys[index]?.kind,
      this.choices,
    );
    const choices = { ...this.choices, key: ref, material };
    const KeyMaterialId =
      this.choices.keyMaterialId === "foreign"
        ? "0".repeat(64)
        : this.choices.keyMaterialId === "matching"
          ? system.materialIdOf(index, material)
          : undefined;
    const wrapped =
      parameters === undefined || this.choices.ciphertext === "garbage"
        ? undefined
        : wrapKeyMaterial({
            publicKey: parameters.publicKey,
            wrappingAlgorithm: parameters.wrappingAlgorithm,
            keyMaterial: bytes,
          });
    const request = {
      KeyId: system.keyIdOf(ref),
      ImportToken: parameters?.importToken ?? (token.kind === "forged" ? token.bytes : forgedToken),
      // Material RSAES-OAEP cannot wrap goes with a token of another key (a key's own tokens
      // fit its material), which is refused before unwrapping: garbage does as well.
      EncryptedKeyMaterial: wrapped?.isOk() === true ? wrapped.value : garbage,
      ...expiryMembers(expiry, model.state.now),
      ...(importType === undefined ? {} : { ImportType: importType }),
      ...(KeyMaterialId === undefined ? {} : { KeyMaterialId }),
    };
    return {
      label: this.toString(),
      predict: (state) => {
        const refused = refusal(state, choices, position, KeyMaterialId !== undefined);
        if (typeof refused === "string") return { error: refused };
        const { index, key, validTo, lands } = refused;
        key.liveTokens = key.liveTokens.filter((t) => t !== position);
        const held = validTo === undefined ? {} : { validTo };
        const other = key.others?.find((o) => o.material === material);
        if (lands === "pending") {
          key.others = [...(key.others ?? []), { material, state: "PENDING_ROTATION", held }];
        } else if (other !== undefined) {
          other.held = held;
        } else {
          key.bound = material;
          key.material = held;
        }
        if (state.behaviour === "classic" && key.state !== "Disabled") key.state = "Enabled";
        settleState(key);
        return {
          check: (response) => [
            ...differences(response, { KeyId: system.keys[index]?.arn }),
            ...system.checkMaterialId(index, material, response.KeyMaterialId),
          ],
        };
      },
      run: () => outcomeOf(system.kms.importKeyMaterial(request)),
    };
  }

  toString(): string {
    const { key, material, token, ciphertext, expiry, importType, keyMaterialId } = this.choices;
    const what =
      ciphertext === "wrapped" ? `material#${material}` : `${ciphertext} material#${material}`;
    const type = importType === undefined ? "" : `, ${importType}`;
    const id = keyMaterialId === undefined ? "" : `, KeyMaterialId ${keyMaterialId}`;
    return `ImportKeyMaterial(${showKeyChoice(key)}, ${what}, token ${showToken(token)}, ${showExpiry(expiry)}${type}${id})`;
  }
}

const forgedToken = new Uint8Array(64).fill(1);
const garbage = new Uint8Array(256).fill(7);

/** The position of the token the command uses, or `undefined` for bytes never issued. */
function chooseToken(state: ModelState, ref: KeyRef, token: TokenChoice): number | undefined {
  const all = state.tokens.map((_, position) => position);
  const own = all.filter((t) => ref.kind === "key" && state.tokens[t]?.key === ref.index);
  switch (token.kind) {
    case "fresh":
      return own.at(-1) ?? all.at(-1);
    case "held":
      return pick(own, token.pick) ?? pick(all, token.pick);
    case "otherKey":
      return pick(
        all.filter((t) => !own.includes(t)),
        token.pick,
      );
    case "forged":
      return undefined;
  }
}

function pick(positions: readonly number[], choice: number): number | undefined {
  return positions.length === 0 ? undefined : positions[choice % positions.length];
}

/** The first rule the import breaks, or the key it imports into and the resolved `ValidTo`. */
function refusal(
  state: ModelState,
  choices: ImportKeyMaterialChoices & { readonly key: KeyRef },
  position: number | undefined,
  sendsKeyMaterialId: boolean,
) {
  const reference = resolveKeyRef(state, choices.key, "refuse");
  if (typeof reference === "string") return reference;
  if (sendsKeyMaterialId && choices.importType === "NEW_KEY_MATERIAL") return "ValidationException";
  if (!isValidExpiry(choices.expiry)) return "ValidationException";
  const found = lookUpImportableKey(state, choices.key);
  if (typeof found === "string") return found;
  const { key } = found;

  const token = position === undefined ? undefined : state.tokens[position];
  if (token === undefined || token.key !== found.index) return "InvalidImportTokenException";
  if (token.validTo.getTime() <= state.now.getTime()) return "ExpiredImportTokenException";
  if (position === undefined || !key.liveTokens.includes(position)) {
    return "InvalidImportTokenException";
  }
  if (choices.ciphertext === "garbage") return "InvalidCiphertextException";
  const incorrect: KmsErrorName = "IncorrectKeyMaterialException";
  // docs/decisions/0031-hmac-and-asymmetric-import.md: only symmetric keys take ImportType and KeyMaterialId.
  if (key.kind !== undefined && (choices.importType !== undefined || sendsKeyMaterialId)) {
    return "ValidationException";
  }
  if (choices.ciphertext === "wrongSize" || choices.ciphertext === "tooLong") return incorrect;
  const members = expiryMembers(choices.expiry, state.now);
  const validTo = "ValidTo" in members ? members.ValidTo : undefined;
  if (state.behaviour === "current" && key.kind === undefined) {
    const lands = rotatingImport(key, choices, sendsKeyMaterialId);
    return lands === "held" || lands === "pending" ? { ...found, validTo, lands } : lands;
  }
  if (key.bound !== undefined && key.bound !== choices.material) return incorrect;
  if (choices.importType === "NEW_KEY_MATERIAL" && key.bound !== undefined) return incorrect;
  if (choices.importType === "EXISTING_KEY_MATERIAL" && key.bound === undefined) return incorrect;
  if (sendsKeyMaterialId && choices.keyMaterialId === "foreign") return incorrect;
  return { ...found, validTo, lands: "held" as const };
}

/**
 * docs/decisions/0030-rotation-of-imported-material.md: where imported material lands in a key of the current profile — held as one of
 * the key's materials, or pending rotation — or the error.
 */
function rotatingImport(
  key: ModelKey,
  choices: ImportKeyMaterialChoices,
  sendsKeyMaterialId: boolean,
): "held" | "pending" | KmsErrorName {
  const incorrect: KmsErrorName = "IncorrectKeyMaterialException";
  const associated = [key.bound, ...(key.others ?? []).map((o) => o.material)];
  const importType =
    choices.importType ?? (key.bound === undefined ? "NEW_KEY_MATERIAL" : "EXISTING_KEY_MATERIAL");
  if (importType === "NEW_KEY_MATERIAL") {
    if (associated.includes(choices.material)) return incorrect;
    if (key.bound === undefined) return "held";
    if (key.others?.some((o) => o.state === "PENDING_ROTATION")) return "KMSInvalidStateException";
    return "pending";
  }
  if (sendsKeyMaterialId && choices.keyMaterialId === "foreign") return incorrect;
  return associated.includes(choices.material) ? "held" : incorrect;
}
