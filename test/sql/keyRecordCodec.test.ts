import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { KeyArn } from "../../src/domain/keyArn.js";
import type { KeyRecord, ParameterSet } from "../../src/domain/keyRecord.js";
import { decodeKeyRecord, encodeKeyRecord } from "../../src/sql/keyRecordCodec.js";
import { instant, keyRecord } from "../properties/keyRecordArbitrary.js";

const parameterSet: fc.Arbitrary<ParameterSet> = fc.record({
  id: fc.uuid(),
  wrappingAlgorithm: fc.constantFrom(
    "RSAES_OAEP_SHA_1",
    "RSAES_OAEP_SHA_256",
    "RSA_AES_KEY_WRAP_SHA_1",
    "RSA_AES_KEY_WRAP_SHA_256",
  ),
  wrappingKeySpec: fc.constantFrom("RSA_2048", "RSA_3072", "RSA_4096"),
  sealedPrivateKey: fc.uint8Array({ maxLength: 64 }),
  validTo: instant,
});

/** Any key record, with any description and up to ten parameter sets. */
const anyRecord: fc.Arbitrary<KeyRecord> = fc
  .tuple(
    keyRecord,
    fc.string({ unit: "grapheme", maxLength: 40 }),
    fc.array(parameterSet, { maxLength: 10 }),
  )
  .map(([record, description, parameterSets]) => ({ ...record, description, parameterSets }));

describe("the stored form of a key record", () => {
  it("law: decoding what encoding wrote gives the record back, Dates as Dates and bytes as bytes", () => {
    fc.assert(
      fc.property(anyRecord, (record) => {
        const decoded = decodeKeyRecord(encodeKeyRecord(record), record.arn)._unsafeUnwrap();
        expect(decoded).toEqual(record);
        for (const set of decoded.parameterSets) expect(set.validTo).toBeInstanceOf(Date);
      }),
    );
  });

  const sample = fc.sample(
    keyRecord.filter((record) => record.keyState === "Enabled"),
    { numRuns: 1, seed: 1 },
  )[0] as KeyRecord;
  const stored = JSON.parse(encodeKeyRecord(sample)) as Record<string, unknown>;
  const changed = (change: Record<string, unknown>) => JSON.stringify({ ...stored, ...change });
  const material = stored["material"] as Record<string, unknown>;

  it.each([
    ["text that is not JSON", "{", "its JSON does not parse"],
    ["another layout", changed({ layout: 2 }), "its layout is not 1"],
    ["the record of another key", changed({ arn: `${sample.arn}0` }), "do not name this key"],
    ["a key ID that is not one", changed({ keyId: "nope" }), "keyId is not a key ID"],
    [
      "a creation date that is not ISO-8601",
      changed({ creationDate: "yesterday" }),
      "creationDate is not a date",
    ],
    [
      "an origin AWS does not have",
      changed({ origin: "AWS_CLOUDHSM" }),
      "origin is not EXTERNAL or AWS_KMS",
    ],
    ["an unknown key state", changed({ keyState: "Deleted" }), "keyState is not a key state"],
    [
      "an Enabled key without material",
      changed({ material: undefined }),
      "an Enabled key has no material",
    ],
    [
      "a PendingImport key with material",
      changed({ keyState: "PendingImport" }),
      "a PendingImport key holds material",
    ],
    [
      "material whose bytes are not base64",
      changed({ material: { ...material, sealed: "***" } }),
      "material is not key material",
    ],
    [
      "a bound material ID of the wrong shape",
      changed({ boundMaterialId: "ab" }),
      "boundMaterialId is not a key material ID",
    ],
    [
      "a parameter set with an unknown algorithm",
      changed({
        parameterSets: [
          {
            id: "p",
            wrappingAlgorithm: "RSA_PKCS1",
            wrappingKeySpec: "RSA_2048",
            sealedPrivateKey: "",
            validTo: "2026-01-01T00:00:00.000Z",
          },
        ],
      }),
      "parameterSets holds something that is not a parameter set",
    ],
    [
      "a PendingDeletion key with a fractional window",
      changed({
        keyState: "PendingDeletion",
        deletionDate: "2026-01-01T00:00:00.000Z",
        pendingWindowInDays: 7.5,
      }),
      "pendingWindowInDays is not a whole number",
    ],
  ])("refuses %s, naming what is wrong", (_case, text, reason) => {
    expect(decodeKeyRecord(text, sample.arn as KeyArn)._unsafeUnwrapErr()).toContain(reason);
  });
});
