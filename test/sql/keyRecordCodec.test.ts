import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { KeyArn } from "../../src/domain/keyArn.js";
import type { KeyRecord, KeyRotation, KeyTag, ParameterSet } from "../../src/domain/keyRecord.js";
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

/** Up to 50 tags with distinct keys, in any order. */
const tags: fc.Arbitrary<KeyTag[]> = fc.uniqueArray(
  fc.record({
    key: fc.string({ unit: "grapheme", minLength: 1, maxLength: 20 }),
    value: fc.string({ unit: "grapheme", maxLength: 20 }),
  }),
  { maxLength: 50, selector: (tag) => tag.key },
);

const rotation: fc.Arbitrary<KeyRotation> = fc.record({
  enabledAt: instant,
  periodInDays: fc.integer({ min: 90, max: 2560 }),
});

/** Nothing for a symmetric key; a spec, a usage it allows and, for RSA and ECC, a public key. */
const keyKind = fc.oneof(
  fc.constant({}),
  fc.record({
    keySpec: fc.constantFrom("HMAC_224", "HMAC_512"),
    keyUsage: fc.constant("GENERATE_VERIFY_MAC"),
  }),
  fc.record({
    keySpec: fc.constantFrom("RSA_2048", "RSA_4096"),
    keyUsage: fc.constantFrom("ENCRYPT_DECRYPT", "SIGN_VERIFY"),
    publicKey: fc.uint8Array({ minLength: 1, maxLength: 64 }),
  }),
  fc.record({
    keySpec: fc.constantFrom("ECC_NIST_P256", "ECC_SECG_P256K1"),
    keyUsage: fc.constant("SIGN_VERIFY"),
    publicKey: fc.uint8Array({ minLength: 1, maxLength: 64 }),
  }),
) as fc.Arbitrary<Pick<KeyRecord, "keySpec" | "keyUsage" | "publicKey">>;

/**
 * Any key record, of any kind, with any description, up to ten parameter sets, and tags, a
 * policy and rotation or not.
 */
const anyRecord: fc.Arbitrary<KeyRecord> = fc
  .tuple(
    keyRecord,
    fc.string({ unit: "grapheme", maxLength: 40 }),
    fc.array(parameterSet, { maxLength: 10 }),
    fc.record(
      { tags, policy: fc.string({ unit: "grapheme", maxLength: 200 }), rotation },
      { requiredKeys: [] },
    ),
    keyKind,
  )
  .map(([record, description, parameterSets, optional, kind]) => ({
    ...record,
    description,
    parameterSets,
    ...optional,
    ...kind,
  }));

/** The same Enabled key record on every call, without tags, policy or rotation. */
function sampleRecord(): KeyRecord {
  return fc.sample(
    keyRecord.filter((record) => record.keyState === "Enabled"),
    { numRuns: 1, seed: 1 },
  )[0] as KeyRecord;
}

describe("the stored form of a key record", () => {
  it("law: decoding what encoding wrote gives the record back, Dates as Dates and bytes as bytes", () => {
    fc.assert(
      fc.property(anyRecord, (record) => {
        const decoded = decodeKeyRecord(encodeKeyRecord(record), record.arn)._unsafeUnwrap();
        expect(decoded).toEqual(record);
        for (const set of decoded.parameterSets) expect(set.validTo).toBeInstanceOf(Date);
        if (record.rotation !== undefined) expect(decoded.rotation?.enabledAt).toBeInstanceOf(Date);
      }),
    );
  });

  it("keeps tags in the order they were given", () => {
    const record: KeyRecord = {
      ...sampleRecord(),
      tags: [
        { key: "zeta", value: "1" },
        { key: "Alpha", value: "" },
        { key: "alpha", value: "3" },
      ],
    };

    expect(decodeKeyRecord(encodeKeyRecord(record), record.arn)).toBeOk(record);
  });

  it("reads a record written before tags, policy and rotation existed as a record without them", () => {
    const written = JSON.parse(encodeKeyRecord(sampleRecord())) as Record<string, unknown>;
    for (const member of ["tags", "policy", "rotation"]) expect(written).not.toHaveProperty(member);

    const decoded = decodeKeyRecord(JSON.stringify(written), sampleRecord().arn)._unsafeUnwrap();

    expect(decoded).toEqual(sampleRecord());
    for (const member of ["tags", "policy", "rotation"]) expect(decoded).not.toHaveProperty(member);
  });

  const sample = sampleRecord();
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
      "a key spec kms-byok does not know",
      changed({ keySpec: "ML_DSA_44", keyUsage: "SIGN_VERIFY" }),
      "keySpec, keyUsage and publicKey do not describe a key",
    ],
    [
      "a key usage its spec does not allow",
      changed({ keySpec: "HMAC_256", keyUsage: "SIGN_VERIFY" }),
      "keySpec, keyUsage and publicKey do not describe a key",
    ],
    [
      "a public key of an HMAC key",
      changed({ keySpec: "HMAC_256", keyUsage: "GENERATE_VERIFY_MAC", publicKey: "AAAA" }),
      "keySpec, keyUsage and publicKey do not describe a key",
    ],
    [
      "a key usage without a key spec",
      changed({ keyUsage: "SIGN_VERIFY" }),
      "keySpec, keyUsage and publicKey do not describe a key",
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
    ["tags that are not a list", changed({ tags: { team: "a" } }), "tags is not a list of tags"],
    [
      "a tag whose value is not a string",
      changed({ tags: [{ key: "team", value: 7 }] }),
      "tags is not a list of tags",
    ],
    [
      "a tag key used twice",
      changed({
        tags: [
          { key: "team", value: "a" },
          { key: "team", value: "b" },
        ],
      }),
      "tags is not a list of tags with keys used once",
    ],
    [
      "a policy that is not a string",
      changed({ policy: { Version: "2012-10-17" } }),
      "policy is not a string",
    ],
    [
      "rotation enabled at a date that is not ISO-8601",
      changed({ rotation: { enabledAt: "yesterday", periodInDays: 365 } }),
      "rotation is not a rotation setting",
    ],
    [
      "rotation with a fractional period",
      changed({ rotation: { enabledAt: "2026-01-01T00:00:00.000Z", periodInDays: 90.5 } }),
      "rotation is not a rotation setting",
    ],
  ])("refuses %s, naming what is wrong", (_case, text, reason) => {
    expect(decodeKeyRecord(text, sample.arn as KeyArn)._unsafeUnwrapErr()).toContain(reason);
  });
});
