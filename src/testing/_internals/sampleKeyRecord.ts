import { type KeyScope, keyArn } from "../../domain/keyArn.js";
import type { KeyId } from "../../domain/keyId.js";
import type { KeyMaterialId } from "../../domain/keyMaterialId.js";
import type {
  KeyMaterial,
  KeyRecord,
  KeyRecordBase,
  KeyRotation,
  KeyTag,
  ParameterSet,
} from "../../domain/keyRecord.js";

// Literal key records for the KeyStore contract: every call builds fresh objects, so a check can
// compare what a store returns with a pristine copy of what it was given.

/** The scope most contract checks use. */
export const homeScope: KeyScope = { accountId: "111122223333", region: "us-east-1" };
/** Same Region as {@link homeScope}, another account. */
export const otherAccountScope: KeyScope = { accountId: "444455556666", region: "us-east-1" };
/** Same account as {@link homeScope}, another Region. */
export const otherRegionScope: KeyScope = { accountId: "111122223333", region: "eu-west-1" };
/** Same account as {@link homeScope}, a Region in another partition (`aws-cn`). */
export const otherPartitionScope: KeyScope = { accountId: "111122223333", region: "cn-north-1" };

/**
 * The shapes a stored key record can take, one per state and material variant. Some also carry
 * the optional members: tags ("Enabled with expiring material", "Disabled"), a key policy
 * ("Disabled", "PendingDeletion with material") and rotation ("Enabled with material that does
 * not expire", the `AWS_KMS` key).
 */
export const sampleShapes = [
  "PendingImport",
  "PendingImport after expiry",
  "Enabled with expiring material",
  "Enabled with material that does not expire",
  "Disabled",
  "PendingDeletion with material",
  "PendingDeletion without material",
] as const;
/** One of {@link sampleShapes}. */
export type SampleShape = (typeof sampleShapes)[number];

/**
 * The key ID of sample key `n`: its first group scrambles `n`, so the ARN order of sample keys
 * differs from their numeric (and usual insertion) order.
 */
export function sampleKeyId(n: number): KeyId {
  const scrambled = (Math.imul(n + 1, 0x9e3779b1) >>> 0).toString(16).padStart(8, "0");
  return `${scrambled}-0000-4000-8000-${n.toString(16).padStart(12, "0")}` as KeyId;
}

/** Where and how {@link sampleKeyRecord} builds its record. */
export interface SampleKeyRecordOptions {
  readonly scope?: KeyScope;
  readonly shape?: SampleShape;
  readonly description?: string;
  /** When a `PendingDeletion` key is due (copied); by default 2026-03-31T12:00:00.789Z. */
  readonly deletionDate?: Date;
}

/** A fresh key record for sample key `n` (by default a `PendingImport` key of {@link homeScope}). */
export function sampleKeyRecord(n: number, options: SampleKeyRecordOptions = {}): KeyRecord {
  const scope = options.scope ?? homeScope;
  const keyId = sampleKeyId(n);
  const base: KeyRecordBase = {
    arn: keyArn(scope, keyId),
    keyId,
    accountId: scope.accountId,
    region: scope.region,
    creationDate: new Date("2026-03-01T12:00:00.123Z"),
    description: options.description ?? `sample key ${n} · ключ 🔑 "quoted"`,
    origin: "EXTERNAL",
    parameterSets: [],
  };
  const bound = { ...base, boundMaterialId: materialId(n) };
  const pendingDeletion = {
    keyState: "PendingDeletion",
    deletionDate: new Date(options.deletionDate ?? "2026-03-31T12:00:00.789Z"),
    pendingWindowInDays: 30,
  } as const;
  switch (options.shape ?? "PendingImport") {
    case "PendingImport":
      return { ...base, keyState: "PendingImport", parameterSets: [parameterSet(n, 1)] };
    case "PendingImport after expiry":
      return { ...bound, keyState: "PendingImport" };
    case "Enabled with expiring material":
      return {
        ...bound,
        keyState: "Enabled",
        material: material(n, new Date("2026-09-01T00:00:00.001Z")),
        parameterSets: [parameterSet(n, 1), parameterSet(n, 2)],
        tags: tags(n),
      };
    case "Enabled with material that does not expire":
      return {
        ...bound,
        origin: "AWS_KMS",
        keyState: "Enabled",
        material: material(n),
        rotation: rotation(n),
      };
    case "Disabled":
      return {
        ...bound,
        keyState: "Disabled",
        material: material(n, new Date("2027-01-01")),
        tags: tags(n).slice(1),
        policy: policy(n),
      };
    case "PendingDeletion with material":
      return { ...bound, ...pendingDeletion, material: material(n), policy: policy(n) };
    case "PendingDeletion without material":
      return { ...bound, ...pendingDeletion };
  }
}

/**
 * Tags in an order that is not sorted, with keys that differ only in case, an empty value and
 * characters outside ASCII: a store that sorts, merges or trims them shows.
 */
function tags(n: number): KeyTag[] {
  return [
    { key: "team", value: `payments ${n}` },
    { key: "Team", value: "" },
    { key: "cost-center", value: "clé 🔑 ключ 鍵" },
    { key: "aws:cloudformation:stack-name", value: `stack/${n}` },
  ];
}

/** A key policy document, as the text the caller set (not reformatted JSON). */
function policy(n: number): string {
  return [
    "{",
    '  "Version": "2012-10-17",',
    `  "Id": "sample-policy-${n}",`,
    '  "Statement": [{"Sid": "Enable IAM policies · 🔑", "Effect": "Allow",',
    '    "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}]',
    "}",
  ].join("\n");
}

function rotation(n: number): KeyRotation {
  return { enabledAt: new Date(Date.UTC(2026, 2, 3, 12, 0, 0, n % 1000)), periodInDays: 90 + n };
}

function materialId(n: number): KeyMaterialId {
  return n.toString(16).padStart(8, "0").repeat(8) as KeyMaterialId;
}

function material(n: number, validTo?: Date): KeyMaterial {
  // A view into a larger buffer: a store that saves `sealed.buffer` saves the wrong bytes.
  const backing = Uint8Array.from({ length: 40 }, (_, i) => (i * 37 + n) & 0xff);
  backing.set([0, 255], 4);
  const sealed = backing.subarray(4, 36);
  return validTo === undefined
    ? { id: materialId(n), sealed }
    : { id: materialId(n), sealed, validTo };
}

function parameterSet(n: number, i: number): ParameterSet {
  return {
    id: `sample-parameter-set-${n}-${i}`,
    wrappingAlgorithm: i % 2 === 0 ? "RSA_AES_KEY_WRAP_SHA_256" : "RSAES_OAEP_SHA_256",
    wrappingKeySpec: "RSA_2048",
    sealedPrivateKey: Uint8Array.of(0, 255, n & 0xff, i & 0xff, 128),
    validTo: new Date("2026-03-02T12:00:00.456Z"),
  };
}
