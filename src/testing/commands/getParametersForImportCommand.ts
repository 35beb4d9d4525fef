import type { GetParametersForImportResponse } from "../../domain/requests/getParametersForImport.js";
import { type KeyRef, resolveKeyRef, showKeyRef } from "../model/keyRef.js";
import { lookUpImportableKey } from "../model/lookUpKey.js";
import { isRsaSpec } from "../model/modelKeyKinds.js";
import { differences } from "./differences.js";
import { type KeyChoice, resolveKeyChoice, showKeyChoice } from "./keyChoice.js";
import { type KmsModel, StepCommand } from "./kmsCommand.js";
import type { KmsSystem } from "./kmsSystem.js";
import { outcomeOf, type Step } from "./step.js";

/** The wrapping algorithms a command may ask for: the four supported, and one refused (docs/decisions/0003-rsa-wrapping-table.md). */
export type ModelWrappingAlgorithm =
  | "RSAES_OAEP_SHA_1"
  | "RSAES_OAEP_SHA_256"
  | "RSA_AES_KEY_WRAP_SHA_1"
  | "RSA_AES_KEY_WRAP_SHA_256"
  | "RSAES_PKCS1_V1_5";

/** The wrapping key specs a command may ask for: the three supported, and one refused (docs/decisions/0003-rsa-wrapping-table.md). */
export type ModelWrappingKeySpec = "RSA_2048" | "RSA_3072" | "RSA_4096" | "SM2";

/** How long an import token lives (docs/decisions/0007-single-use-import-tokens.md). */
const tokenLifetimeMs = 24 * 60 * 60 * 1000;

/** How many live parameter sets a key keeps (docs/decisions/0007-single-use-import-tokens.md). */
const maxLiveTokens = 10;

/** GetParametersForImport: a fresh parameter set and token, valid 24 hours; the eleventh drops the oldest. */
export class GetParametersForImportCommand extends StepCommand {
  constructor(
    readonly key: KeyChoice,
    readonly wrappingAlgorithm: ModelWrappingAlgorithm,
    readonly wrappingKeySpec: ModelWrappingKeySpec,
  ) {
    super();
  }

  async prepare(model: KmsModel, system: KmsSystem): Promise<Step<GetParametersForImportResponse>> {
    const ref = resolveKeyChoice(model.state, this.key);
    return getParametersStep(system, ref, this.wrappingAlgorithm, this.wrappingKeySpec);
  }

  toString(): string {
    return `GetParametersForImport(${showKeyChoice(this.key)}, ${this.wrappingAlgorithm}, ${this.wrappingKeySpec})`;
  }
}

/** A GetParametersForImport step; on success the target's parameters are held at the token's position. */
export function getParametersStep(
  system: KmsSystem,
  ref: KeyRef,
  wrappingAlgorithm: ModelWrappingAlgorithm,
  wrappingKeySpec: ModelWrappingKeySpec,
): Step<GetParametersForImportResponse> {
  return {
    label: `GetParametersForImport(${showKeyRef(ref)}, ${wrappingAlgorithm}, ${wrappingKeySpec})`,
    predict: (state) => {
      // The key reference is read with the request, and the wrapping choice right after it.
      const reference = resolveKeyRef(state, ref, "refuse");
      if (typeof reference === "string") return { error: reference };
      if (wrappingAlgorithm === "RSAES_PKCS1_V1_5" || wrappingKeySpec === "SM2") {
        return { error: "UnsupportedOperationException" };
      }
      const found = lookUpImportableKey(state, ref);
      if (typeof found === "string") return { error: found };
      const { index, key } = found;
      // docs/decisions/0031-hmac-and-asymmetric-import.md: a private key that RSAES-OAEP cannot wrap.
      const oaep = wrappingAlgorithm.startsWith("RSAES_OAEP");
      const spec = key.kind?.spec;
      if (
        oaep &&
        spec !== undefined &&
        (isRsaSpec(spec) || (spec === "ECC_NIST_P521" && wrappingKeySpec === "RSA_2048"))
      ) {
        return { error: "UnsupportedOperationException" };
      }
      const validTo = new Date(state.now.getTime() + tokenLifetimeMs);
      const token = state.tokens.length;
      state.tokens.push({ key: index, validTo });
      const live = key.liveTokens.filter(
        (t) => (state.tokens[t]?.validTo.getTime() ?? 0) > state.now.getTime(),
      );
      key.liveTokens = [...live, token].slice(-maxLiveTokens);
      return {
        check: (response) => {
          const problems = differences(response, {
            KeyId: system.keys[index]?.arn,
            ParametersValidTo: validTo,
          });
          if (
            !(response.ImportToken instanceof Uint8Array) ||
            response.ImportToken.byteLength === 0
          ) {
            problems.push("ImportToken is not a non-empty Uint8Array");
          }
          if (!(response.PublicKey instanceof Uint8Array) || response.PublicKey.byteLength === 0) {
            problems.push("PublicKey is not a non-empty Uint8Array");
          }
          return problems;
        },
      };
    },
    run: async () => {
      const outcome = await outcomeOf(
        system.kms.getParametersForImport({
          KeyId: system.keyIdOf(ref),
          WrappingAlgorithm: wrappingAlgorithm,
          WrappingKeySpec: wrappingKeySpec,
        }),
      );
      if (outcome.ok && wrappingAlgorithm !== "RSAES_PKCS1_V1_5") {
        system.parameters.push({
          importToken: outcome.value.ImportToken,
          publicKey: outcome.value.PublicKey,
          wrappingAlgorithm,
        });
      }
      return outcome;
    },
  };
}
