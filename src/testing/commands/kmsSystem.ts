import type { KeyEvent } from "../../domain/keyEvent.js";
import type { SupportedWrappingAlgorithm } from "../../domain/wrappingTable.js";
import type { Kms } from "../../service/kms.js";
import type { ManualClock } from "../manualClock.js";
import { type KeyRef, modelAliasName } from "../model/keyRef.js";
import type { ModelMaterial } from "../model/modelState.js";
import { SpecMaterials } from "./specMaterials.js";

/** A key ID that no run creates: what a reference past the created keys sends. */
const unknownKeyId = "ffffffff-ffff-4fff-bfff-ffffffffffff";

/** A multi-Region key ID: kms-byok models single-Region keys only. */
const multiRegionKeyId = "mrk-1234abcd12ab34cd56ef1234567890ab";

/** Import parameters the target handed out, at the position the model gave their token. */
export interface HeldParameters {
  readonly importToken: Uint8Array;
  readonly publicKey: Uint8Array;
  readonly wrappingAlgorithm: SupportedWrappingAlgorithm;
}

/** A ciphertext the target returned, and its plaintext when the run knows it. */
export interface HeldCiphertext {
  readonly blob: Uint8Array;
  readonly plaintextBytes: number;
  readonly plaintext?: Uint8Array;
}

/**
 * The system under test in a model run: the target `Kms`, the clock it reads, and what it handed
 * out so far, at the positions the model uses for the same things.
 */
export class KmsSystem {
  readonly keys: { readonly keyId: string; readonly arn: string }[] = [];
  readonly parameters: HeldParameters[] = [];
  readonly ciphertexts: HeldCiphertext[] = [];
  /**
   * The KeyMaterialId the target gave each (key, material) pair, by `${key}:${material}`. The
   * model cannot compute an ID (docs/decisions/0010-key-material-id.md: it is a hash the target chooses); it learns each one from
   * the first response that carries it and holds every later response to it.
   */
  private materialIds = new Map<string, string>();
  /** The target's audit trail, when its audit sink is the run's (see `kmsModelSetup`). */
  audited: readonly KeyEvent[] | undefined;
  /**
   * The materials of HMAC, RSA and ECC keys (current profile), by key spec; commands name them
   * by position.
   * @internal
   */
  readonly specMaterials: SpecMaterials;

  constructor(
    readonly kms: Kms,
    readonly clock: ManualClock,
    readonly accountId: string,
    readonly region: string,
    /** Distinct 32-byte materials; commands name them by position. */
    readonly materials: readonly Uint8Array[],
    /** Picks the materials of HMAC and ECC keys; default 0. */
    materialSeed = 0,
  ) {
    this.specMaterials = new SpecMaterials(materialSeed);
  }

  /** The `KeyId` member a reference stands for. */
  keyIdOf(ref: KeyRef): string {
    const partition = partitionOf(this.region);
    switch (ref.kind) {
      case "key": {
        const key = this.keys[ref.index];
        if (ref.form === "id") return key?.keyId ?? unknownKeyId;
        return key?.arn ?? this.arnOf(unknownKeyId);
      }
      case "alias":
        return ref.form === "name" ? modelAliasName(ref.name) : this.aliasArnOf(ref.name);
      case "malformed":
        return "not-a-key-id";
      case "multiRegion":
        return multiRegionKeyId;
      case "multiRegionArn":
        return this.arnOf(multiRegionKeyId);
      // Foreign ARNs carry the ID of a key that exists here, which they must still not reach.
      case "foreignAccount": {
        const account = this.accountId === "444455556666" ? "111122223333" : "444455556666";
        return `arn:${partition}:kms:${this.region}:${account}:key/${this.localKeyId()}`;
      }
      case "foreignRegion": {
        const region = this.region === "eu-west-1" ? "eu-central-1" : "eu-west-1";
        return `arn:aws:kms:${region}:${this.accountId}:key/${this.localKeyId()}`;
      }
    }
  }

  private localKeyId(): string {
    return this.keys[0]?.keyId ?? unknownKeyId;
  }

  /** The ARN the target must give the key with ID `keyId`. */
  arnOf(keyId: string): string {
    return `arn:${partitionOf(this.region)}:kms:${this.region}:${this.accountId}:key/${keyId}`;
  }

  /** The AWS partition of the run's Region. */
  get partition(): string {
    return partitionOf(this.region);
  }

  /** The ARN the target must give the alias at position `name`. */
  aliasArnOf(name: number): string {
    return `arn:${this.partition}:kms:${this.region}:${this.accountId}:${modelAliasName(name)}`;
  }

  /** The KeyMaterialId the target gave `material` in `key`, when a response has told it. */
  materialIdOf(key: number, material: ModelMaterial): string | undefined {
    return this.materialIds.get(`${key}:${material}`);
  }

  /**
   * What the run has learned of KeyMaterialIds so far. Checking a response may learn an ID, so a
   * command that tries several explanations of its answers (`ConcurrentCommand`) saves this
   * first and restores it before each, then keeps only what the accepted one learned.
   */
  learnedMaterialIds(): ReadonlyMap<string, string> {
    return new Map(this.materialIds);
  }

  /** Forgets every ID learned since `learned` was taken with {@link learnedMaterialIds}. */
  restoreMaterialIds(learned: ReadonlyMap<string, string>): void {
    this.materialIds = new Map(learned);
  }

  /**
   * Checks a KeyMaterialId against the rule that it names (key, material) exactly: the same pair
   * always gets the same ID and different pairs different IDs (docs/decisions/0010-key-material-id.md). An ID of a pair the run has
   * not seen yet is accepted and learned when no other pair has it. Returns what is wrong.
   */
  checkMaterialId(key: number, material: ModelMaterial, id: unknown): string[] {
    if (typeof id !== "string" || !/^[0-9a-f]{64}$/.test(id)) {
      return [`KeyMaterialId ${String(id)} is not 64 lowercase hex digits`];
    }
    const pair = `${key}:${material}`;
    const known = this.materialIdOf(key, material);
    if (known !== undefined) {
      return known === id ? [] : [`KeyMaterialId of ${pair} changed from ${known} to ${id}`];
    }
    for (const [other, otherId] of this.materialIds) {
      if (otherId === id) return [`KeyMaterialId ${id} names both ${other} and ${pair}`];
    }
    this.materialIds.set(pair, id);
    return [];
  }
}

function partitionOf(region: string): string {
  if (region.startsWith("cn-")) return "aws-cn";
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  return "aws";
}
