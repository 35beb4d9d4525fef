// What the crash test knows about its keys, across rounds and kills: exactly, since every key is
// used by one client at a time (see crashRounds.ts).
import { randomBytes } from "node:crypto";
import { deriveKeyMaterialId } from "../../../src/adapters/deriveKeyMaterialId.js";
import type { KeyArn } from "../../../src/domain/keyArn.js";
import type { KeyId } from "../../../src/domain/keyId.js";

export type WriteName =
  | "CreateKey"
  | "GetParametersForImport"
  | "ImportKeyMaterial"
  | "DeleteImportedKeyMaterial";
export type Held = "PendingImport" | "Enabled";

/** A write sent but not answered before the kill: it may or may not have landed. */
export interface Unanswered {
  readonly write: WriteName;
  /** Applies to the key what the write does if it landed. */
  land(): void;
}

/** A GetParametersForImport answer: a parameter set stored in the key's record. */
export interface ImportParameters {
  readonly importToken: Uint8Array;
  readonly publicKey: Uint8Array;
}

export interface TrackedKey {
  readonly keyId: KeyId;
  readonly arn: KeyArn;
  /** The one material this key ever gets; reimports send it again. */
  readonly material: Uint8Array;
  readonly materialId: string;
  /** As of the last write known to have landed. */
  state: Held;
  /** The names of the writes known to have landed, oldest first: the audit trail to expect. */
  landed: WriteName[];
  unanswered: Unanswered | undefined;
  /**
   * The record's parameter sets, oldest first: the ones the test holds the answer of, and
   * `undefined` for one an unanswered GetParametersForImport stored. An import may spend one
   * fetched rounds (and crashes) before.
   */
  parameterSets: (ImportParameters | undefined)[];
  /** Acknowledged Encrypt answers, with their plaintexts. */
  ciphertexts: { readonly blob: Uint8Array; readonly plaintext: Uint8Array }[];
  /** A client loop is using it. */
  busy: boolean;
}

export interface World {
  readonly random: () => number;
  /** Keys checked through the SDK after each restart, and used by the clients. */
  readonly active: TrackedKey[];
  /** Keys no client uses any more; checked in the store only. */
  readonly retired: TrackedKey[];
  /** Descriptions of CreateKey requests sent but not answered in this round. */
  readonly unansweredCreates: Set<string>;
  /** Clients waiting for a GetParametersForImport answer. */
  fetching: number;
  readonly stats: Stats;
  round: number;
}

export interface Stats {
  acknowledged: Record<WriteName | "Encrypt", number>;
  unanswered: Record<WriteName, number>;
  /** Of the unanswered writes, how many were found to have landed after the restart. */
  landed: number;
  decryptsChecked: number;
  ms: { start: number; check: number; warm: number; clients: number };
}

export function newTrackedKey(keyId: KeyId, arn: KeyArn, landed: WriteName[]): TrackedKey {
  const material = randomBytes(32);
  return {
    keyId,
    arn,
    material,
    materialId: deriveKeyMaterialId(keyId, material),
    state: "PendingImport",
    landed,
    unanswered: undefined,
    parameterSets: [],
    ciphertexts: [],
    busy: false,
  };
}

export const everyKey = (world: World) => [...world.active, ...world.retired];

/** The world of a run before its first round: no keys, nothing counted. */
export function newWorld(random: () => number): World {
  return {
    random,
    active: [],
    retired: [],
    unansweredCreates: new Set(),
    fetching: 0,
    stats: {
      acknowledged: {
        CreateKey: 0,
        GetParametersForImport: 0,
        ImportKeyMaterial: 0,
        DeleteImportedKeyMaterial: 0,
        Encrypt: 0,
      },
      unanswered: {
        CreateKey: 0,
        GetParametersForImport: 0,
        ImportKeyMaterial: 0,
        DeleteImportedKeyMaterial: 0,
      },
      landed: 0,
      decryptsChecked: 0,
      ms: { start: 0, check: 0, warm: 0, clients: 0 },
    },
    round: 0,
  };
}
