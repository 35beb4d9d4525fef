import { constants, createHmac, createPublicKey, type KeyObject, sign, verify } from "node:crypto";
import type { KmsErrorName } from "../../domain/kmsError.js";
import { type KeyRef, resolveKeyRef } from "../model/keyRef.js";
import { type KeyUsingOperation, offers, usageRefusal } from "../model/keyUsage.js";
import { lookUpEnabledKey } from "../model/lookUpKey.js";
import { algorithmsOf, hashOf, type ModelKeyKind } from "../model/modelKeyKinds.js";
import type { ModelKey, ModelState } from "../model/modelState.js";
import type { KmsSystem } from "./kmsSystem.js";
import type { SpecMaterial } from "./specMaterials.js";

/**
 * Which algorithm a command sends: one its key offers (`own`, the `pick`-th modulo how many), or
 * the `pick`-th of every algorithm of the kind (maybe one the key does not offer).
 */
export interface AlgorithmChoice {
  readonly own: boolean;
  readonly pick: number;
}

/** The algorithm `choice` names for a key of `kind`, among `all` of its kind. */
export function chooseAlgorithm<A extends string>(
  choice: AlgorithmChoice,
  kind: ModelKeyKind | undefined,
  member: "SigningAlgorithms" | "MacAlgorithms",
  all: readonly A[],
): A {
  const offered = (algorithmsOf(kind)[member] ?? []) as readonly A[];
  const from = choice.own && offered.length > 0 ? offered : all;
  return from[choice.pick % from.length] ?? (all[0] as A);
}

/** A short name of an algorithm choice for failure reports. */
export function showAlgorithm(choice: AlgorithmChoice): string {
  return choice.own ? `own algorithm#${choice.pick}` : `algorithm#${choice.pick}`;
}

/**
 * The key `ref` names if `operation` may use it with `algorithm`: `Enabled` (the data plane's
 * state errors), of the usage the operation needs, offering the algorithm
 * (`InvalidKeyUsageException`; docs/decisions/0031-hmac-and-asymmetric-import.md).
 */
export function usableKey(
  state: ModelState,
  ref: KeyRef,
  operation: KeyUsingOperation,
  member: "SigningAlgorithms" | "MacAlgorithms",
  algorithm: string,
): { readonly index: number; readonly key: ModelKey } | KmsErrorName {
  const found = lookUpEnabledKey(state, ref);
  if (typeof found === "string") return found;
  const refused = usageRefusal(found.key, operation);
  if (refused !== undefined) return refused;
  return offers(found.key, member, algorithm) ? found : "InvalidKeyUsageException";
}

/** The key of the run `ref` names (by key or alias) in `state`, if any, whatever its state. */
export function keyAt(state: ModelState, ref: KeyRef): ModelKey | undefined {
  const index = resolveKeyRef(state, ref, "resolve");
  return typeof index === "number" ? state.keys[index] : undefined;
}

/**
 * The material the key at `ref` holds when the command prepares (a key of the run, with an HMAC,
 * RSA or ECC kind and bound material), to compute what the target must answer.
 */
export async function heldSpecMaterial(
  state: ModelState,
  system: KmsSystem,
  ref: KeyRef,
): Promise<SpecMaterial | undefined> {
  const key = keyAt(state, ref);
  if (key?.kind === undefined || typeof key.bound !== "number") return undefined;
  return (await system.specMaterials.of(key.kind.spec)).pool[key.bound];
}

/** Node's signing options for `algorithm`: RSASSA-PSS with a salt as long as the hash. */
function options(key: KeyObject, algorithm: string) {
  return algorithm.startsWith("RSASSA_PSS")
    ? {
        key,
        padding: constants.RSA_PKCS1_PSS_PADDING,
        saltLength: constants.RSA_PSS_SALTLEN_DIGEST,
      }
    : key;
}

/** The model's own signature of `message` by `algorithm` (the message, hashed as the algorithm says). */
export function modelSignature(material: SpecMaterial, message: Uint8Array, algorithm: string) {
  if (material.privateKey === undefined) throw new TypeError("HMAC material cannot sign.");
  return new Uint8Array(sign(hashOf(algorithm), message, options(material.privateKey, algorithm)));
}

/** Whether `signature` is `algorithm`'s signature of `message` under the material's public key, by Node. */
export function verifiesOutside(
  material: SpecMaterial,
  message: Uint8Array,
  algorithm: string,
  signature: Uint8Array,
): boolean {
  if (material.publicKey === undefined) return false;
  const publicKey = createPublicKey({
    key: Buffer.from(material.publicKey),
    format: "der",
    type: "spki",
  });
  try {
    return verify(hashOf(algorithm), message, options(publicKey, algorithm), signature);
  } catch {
    return false;
  }
}

/** The model's own HMAC of `message` under the material, by `algorithm`. */
export function modelMac(material: SpecMaterial, message: Uint8Array, algorithm: string) {
  return new Uint8Array(createHmac(hashOf(algorithm), material.bytes).update(message).digest());
}

/** `bytes` with the lowest bit of its last byte flipped. */
export function flipped(bytes: Uint8Array): Uint8Array {
  const copy = Uint8Array.from(bytes);
  copy[copy.length - 1] = (copy.at(-1) ?? 0) ^ 1;
  return copy;
}
