import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { GetParametersForImportRequest } from "../../../src/index.js";
import { createKms } from "../../../src/service/createKms.js";
import { wrappingParameters } from "../../../src/testing/arbitraries/wrappingParameters.js";
import { manualClock } from "../../../src/testing/manualClock.js";
import { testCrypto } from "../../../src/testing/testCrypto.js";
import {
  assertProduceCorrectValues,
  assertProduceSameValueGivenSameSeed,
  verdict,
} from "./arbitraryAssertions.js";

const KeyId = "1234abcd-12ab-34cd-56ef-1234567890ab";

async function externalKey() {
  const kms = createKms({ crypto: testCrypto(), clock: manualClock() });
  const created = await kms.createKey({ Origin: "EXTERNAL" });
  return { kms, KeyId: created._unsafeUnwrap().KeyMetadata.KeyId };
}

describe("arbitraries.wrappingParameters", () => {
  it("gives the same values for the same seed", () => {
    assertProduceSameValueGivenSameSeed(wrappingParameters(), 3);
    assertProduceSameValueGivenSameSeed(wrappingParameters({ supported: false }), 3);
  });

  it("generates each of the 12 supported pairs, and only pairs the validator accepts", () => {
    assertProduceCorrectValues(
      wrappingParameters(),
      (pair) => verdict("GetParametersForImport", { KeyId, ...pair }) === "ok",
    );
    const pairs = new Set(
      fc
        .sample(wrappingParameters(), { seed: 7, numRuns: 400 })
        .map((p) => `${p.WrappingAlgorithm} ${p.WrappingKeySpec}`),
    );
    expect(pairs.size).toBe(12);
  });

  it("gives each supported pair real parameters from GetParametersForImport", {
    timeout: 60_000,
  }, async () => {
    const { kms, KeyId: key } = await externalKey();
    await fc.assert(
      fc.asyncProperty(wrappingParameters(), async (pair) => {
        const params = await kms.getParametersForImport({ KeyId: key, ...pair });
        expect(params).toBeOk();
      }),
      { numRuns: 40 },
    );
  });

  it("keeps to the wrapping key specs it is given", () => {
    const specs = fc.sample(wrappingParameters({ wrappingKeySpecs: ["RSA_2048"] }), 100);
    expect(new Set(specs.map((p) => p.WrappingKeySpec))).toEqual(new Set(["RSA_2048"]));
    expect(() => wrappingParameters({ wrappingKeySpecs: [] })).toThrow(RangeError);
  });

  it("promises the error the validator answers for each unsupported pair", () => {
    assertProduceCorrectValues(
      wrappingParameters({ supported: false }),
      ({ error, reason: _, ...pair }) =>
        verdict("GetParametersForImport", { KeyId, ...pair }) === error,
      300,
    );
  });

  it("promises the error GetParametersForImport answers for each unsupported pair", async () => {
    const { kms, KeyId: key } = await externalKey();
    await fc.assert(
      fc.asyncProperty(
        wrappingParameters({ supported: false }),
        async ({ error, reason: _, ...pair }) => {
          const request = { KeyId: key, ...pair } as GetParametersForImportRequest;
          const params = await kms.getParametersForImport(request);
          expect(params.isErr() ? params.error.name : "ok").toBe(error);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("generates both UnsupportedOperationException and ValidationException pairs", () => {
    const errors = fc.sample(wrappingParameters({ supported: false }), 200).map((p) => p.error);
    expect(new Set(errors)).toEqual(
      new Set(["UnsupportedOperationException", "ValidationException"]),
    );
  });
});
