import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { invalidRequest } from "../../../src/testing/arbitraries/invalidRequest.js";
import { keyArn } from "../../../src/testing/arbitraries/keyArn.js";
import { keyMaterial } from "../../../src/testing/arbitraries/keyMaterial.js";
import { validTo } from "../../../src/testing/arbitraries/validTo.js";
import { now } from "./arbitraryAssertions.js";

// Fixed-seed samples: a change here means the arbitraries generate differently, which changes
// every consumer's replayed seeds. Update the snapshots only on purpose.
describe("generation for a fixed seed", () => {
  it("stays the same for keyArn", () => {
    expect(
      fc.sample(keyArn({ relation: "foreignAccount" }), { seed: 42, numRuns: 3 }),
    ).toMatchInlineSnapshot(`
        [
          "arn:aws:kms:us-east-1:999999999984:key/78199cf2-0004-1000-bfff-ffee9bbd45e1",
          "arn:aws:kms:us-east-1:929283600346:key/df08c1c9-ffe4-8fff-8000-00015413ee66",
          "arn:aws:kms:us-east-1:582724052346:key/0000000b-bcf1-8d5e-b88e-cb790000001c",
        ]
      `);
  });

  it("stays the same for the lengths of invalid keyMaterial", () => {
    const lengths = fc.sample(keyMaterial({ valid: false }), { seed: 42, numRuns: 8 });
    expect(lengths.map((m) => m.length)).toMatchInlineSnapshot(`
      [
        16,
        7,
        6,
        48,
        33,
        1,
        4,
        16,
      ]
    `);
  });

  it("stays the same for validTo", () => {
    const samples = fc.sample(validTo({ now, kind: ["valid", "tooFar"] }), {
      seed: 42,
      numRuns: 3,
    });
    expect(samples).toMatchInlineSnapshot(`
      [
        {
          "ExpirationModel": "KEY_MATERIAL_EXPIRES",
          "ValidTo": 2026-03-01T12:00:00.029Z,
        },
        {
          "ExpirationModel": "KEY_MATERIAL_EXPIRES",
          "ValidTo": 2126-02-05T11:59:59.960Z,
        },
        {
          "ExpirationModel": "KEY_MATERIAL_EXPIRES",
          "ValidTo": 2027-03-01T12:00:00.034Z,
        },
      ]
    `);
  });

  it("stays the same for the reasons of invalid ImportKeyMaterial requests", () => {
    const samples = fc.sample(invalidRequest("ImportKeyMaterial", { now }), {
      seed: 42,
      numRuns: 4,
    });
    expect(samples.map(({ error, reason }) => `${error}: ${reason}`)).toMatchInlineSnapshot(`
      [
        "ValidationException: KeyId is longer than 2048 characters",
        "ValidationException: KeyMaterialId is not 64 lowercase hex digits",
        "ValidationException: KeyMaterialId is given with ImportType NEW_KEY_MATERIAL",
        "ValidationException: ValidTo is set for material that does not expire",
      ]
    `);
  });
});
