import { type KeyArn, keyArn } from "../../src/domain/keyArn.js";
import type { KeyId } from "../../src/domain/keyId.js";
import type { KeyMaterialId } from "../../src/domain/keyMaterialId.js";
import type {
  KeyMaterial,
  KeyWithMaterial,
  ParameterSet,
  PendingDeletionKey,
  PendingImportKey,
} from "../../src/domain/keyRecord.js";

/** Hand-built key records for the pure domain tests. */

export const scope = { accountId: "111122223333", region: "us-east-1" } as const;
export const keyId = "1234abcd-12ab-34cd-56ef-1234567890ab" as KeyId;
export const arn: KeyArn = keyArn(scope, keyId);
export const now = new Date("2026-03-01T12:00:00.000Z");

export const materialIdA = "a".repeat(64) as KeyMaterialId;
export const materialIdB = "b".repeat(64) as KeyMaterialId;

/** Sealed key material with `id`, expiring at `validTo` when given. */
export function keyMaterial(id: KeyMaterialId = materialIdA, validTo?: Date): KeyMaterial {
  const sealed = Uint8Array.of(1, 2, 3);
  return validTo === undefined ? { id, sealed } : { id, sealed, validTo };
}

/** A parameter set valid until `validTo`. */
export function parameterSet(id: string, validTo: Date): ParameterSet {
  return {
    id,
    wrappingAlgorithm: "RSAES_OAEP_SHA_256",
    wrappingKeySpec: "RSA_2048",
    sealedPrivateKey: Uint8Array.of(9),
    validTo,
  };
}

const base = {
  arn,
  keyId,
  accountId: scope.accountId,
  region: scope.region,
  creationDate: now,
  description: "",
  origin: "EXTERNAL",
  parameterSets: [],
} as const;

/** An EXTERNAL key waiting for material; `boundMaterialId` set when material was imported before. */
export function pendingImportKey(boundMaterialId?: KeyMaterialId): PendingImportKey {
  return boundMaterialId === undefined
    ? { ...base, keyState: "PendingImport" }
    : { ...base, keyState: "PendingImport", boundMaterialId };
}

/** An EXTERNAL key holding `material` in state `keyState`. */
export function keyWithMaterial(
  keyState: "Enabled" | "Disabled",
  material: KeyMaterial = keyMaterial(),
): KeyWithMaterial {
  return { ...base, keyState, material, boundMaterialId: material.id };
}

/** An EXTERNAL key pending deletion at `deletionDate`, with or without material. */
export function pendingDeletionKey(deletionDate: Date, material?: KeyMaterial): PendingDeletionKey {
  const pending = {
    ...base,
    keyState: "PendingDeletion",
    deletionDate,
    pendingWindowInDays: 7,
  } as const;
  return material === undefined
    ? { ...pending, boundMaterialId: materialIdA }
    : { ...pending, material, boundMaterialId: material.id };
}
