import fc from "fast-check";
import type { KeyArn } from "../../src/domain/keyArn.js";
import type { KeyId } from "../../src/domain/keyId.js";
import type { KeyMaterialId } from "../../src/domain/keyMaterialId.js";
import type { KeyMaterial, KeyRecord, KeyRecordBase } from "../../src/domain/keyRecord.js";
import { start } from "../support/kmsHarness.js";

// Arbitrary stored key records in every state, and instants to observe them at.

export const instant = fc.date({
  min: new Date("2026-01-01T00:00:00.000Z"),
  max: new Date("2027-12-31T00:00:00.000Z"),
  noInvalidDate: true,
});

const materialId = fc
  .uint8Array({ minLength: 32, maxLength: 32 })
  .map((bytes) => Buffer.from(bytes).toString("hex") as KeyMaterialId);

const keyMaterial: fc.Arbitrary<KeyMaterial> = fc.record(
  { id: materialId, sealed: fc.uint8Array({ maxLength: 8 }), validTo: instant },
  { requiredKeys: ["id", "sealed"] },
);

const keyId = "1234abcd-12ab-34cd-56ef-1234567890ab" as KeyId;
const base: fc.Arbitrary<KeyRecordBase> = fc.record(
  {
    arn: fc.constant(`arn:aws:kms:us-east-1:111122223333:key/${keyId}` as KeyArn),
    keyId: fc.constant(keyId),
    accountId: fc.constant("111122223333"),
    region: fc.constant("us-east-1"),
    creationDate: fc.constant(start),
    description: fc.constant(""),
    origin: fc.constantFrom("EXTERNAL", "AWS_KMS"),
    boundMaterialId: materialId,
    parameterSets: fc.constant([]),
  },
  {
    requiredKeys: [
      "arn",
      "keyId",
      "accountId",
      "region",
      "creationDate",
      "description",
      "origin",
      "parameterSets",
    ],
  },
);

/** Any key record, in any state, with or without expiring material; material is the bound one. */
export const keyRecord: fc.Arbitrary<KeyRecord> = fc.oneof(
  base.map((b): KeyRecord => ({ ...b, keyState: "PendingImport" })),
  fc
    .tuple(
      base,
      fc.constantFrom("Enabled", "Disabled") as fc.Arbitrary<"Enabled" | "Disabled">,
      keyMaterial,
    )
    .map(
      ([b, keyState, material]): KeyRecord => ({
        ...b,
        keyState,
        material,
        boundMaterialId: material.id,
      }),
    ),
  fc
    .tuple(
      base,
      instant,
      fc.integer({ min: 7, max: 30 }),
      fc.option(keyMaterial, { nil: undefined }),
    )
    .map(
      ([b, deletionDate, pendingWindowInDays, material]): KeyRecord =>
        material === undefined
          ? { ...b, keyState: "PendingDeletion", deletionDate, pendingWindowInDays }
          : {
              ...b,
              keyState: "PendingDeletion",
              deletionDate,
              pendingWindowInDays,
              material,
              boundMaterialId: material.id,
            },
    ),
);

/** A record and an instant to observe it at: anywhere, or right at (or next to) its `ValidTo`. */
export const recordAndInstant: fc.Arbitrary<[KeyRecord, Date]> = keyRecord.chain((record) => {
  const validTo = record.keyState === "PendingImport" ? undefined : record.material?.validTo;
  const near =
    validTo === undefined
      ? instant
      : fc.integer({ min: -1, max: 1 }).map((ms) => new Date(validTo.getTime() + ms));
  return fc.tuple(fc.constant(record), fc.oneof(instant, near));
});
