import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SupportedWrappingAlgorithm } from "../../../src/index.js";
import { keyMaterial } from "../../../src/testing/arbitraries/keyMaterial.js";
import { kmsHarness } from "../../support/kmsHarness.js";
import {
  assertProduceSameValueGivenSameSeed,
  assertShrinkProducesSmallerValues,
  shrunkCounterexample,
} from "./arbitraryAssertions.js";

const harness = kmsHarness();

/** What ImportKeyMaterial answers for `material` wrapped with `algorithm`: "ok" or the error name. */
async function importVerdict(
  material: Uint8Array,
  algorithm: SupportedWrappingAlgorithm = "RSAES_OAEP_SHA_256",
): Promise<string> {
  const KeyId = await harness.externalKey();
  const { ImportToken, EncryptedKeyMaterial } = await harness.wrapFor(KeyId, material, algorithm);
  const imported = await harness.kms.importKeyMaterial({
    KeyId,
    ImportToken,
    EncryptedKeyMaterial,
    ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE",
  });
  return imported.isOk() ? "ok" : imported.error.name;
}

describe("arbitraries.keyMaterial", () => {
  it("gives the same values for the same seed", () => {
    assertProduceSameValueGivenSameSeed(keyMaterial(), 3);
    assertProduceSameValueGivenSameSeed(keyMaterial({ valid: false }), 3);
  });

  it("generates valid material that ImportKeyMaterial accepts", async () => {
    await fc.assert(
      fc.asyncProperty(keyMaterial(), async (material) => {
        expect(material.byteLength).toBe(32);
        expect(await importVerdict(material)).toBe("ok");
      }),
      { numRuns: 60 },
    );
  });

  it("generates invalid material that ImportKeyMaterial refuses with IncorrectKeyMaterialException", async () => {
    await fc.assert(
      fc.asyncProperty(keyMaterial({ valid: false }), async (material) => {
        expect(await importVerdict(material)).toBe("IncorrectKeyMaterialException");
      }),
      { numRuns: 120 },
    );
  });

  it("keeps its promise for RSA_AES_KEY_WRAP material of up to 1024 bytes from minLength 1", async () => {
    await fc.assert(
      fc.asyncProperty(
        keyMaterial({ valid: false, minLength: 1, maxLength: 1024 }),
        async (material) => {
          expect(material.byteLength).toBeGreaterThanOrEqual(1);
          expect(await importVerdict(material, "RSA_AES_KEY_WRAP_SHA_256")).toBe(
            "IncorrectKeyMaterialException",
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it("generates the interesting wrong lengths, 0 included, and never 32", () => {
    const lengths = new Set(fc.sample(keyMaterial({ valid: false }), 500).map((m) => m.length));
    for (const n of [0, 1, 16, 24, 31, 33, 48, 64, 128]) expect(lengths).toContain(n);
    expect(lengths).not.toContain(32);
  });

  it("shrinks invalid material to shorter material, down to the shortest length", () => {
    assertShrinkProducesSmallerValues(keyMaterial({ valid: false }), (m) => m.length);
    const { shrunk } = shrunkCounterexample(keyMaterial({ valid: false }), () => true);
    expect(shrunk.length).toBe(0);
    const fromOne = shrunkCounterexample(keyMaterial({ valid: false, minLength: 1 }), () => true);
    expect(fromOne.shrunk.length).toBe(1);
    const long = shrunkCounterexample(keyMaterial({ valid: false }), (m) => m.length > 40);
    expect(long.shrunk.length).toBeGreaterThan(40);
    expect(long.shrunk.length).toBeLessThanOrEqual(Math.min(48, long.original.length));
  });

  it("throws RangeError when no invalid length is left", () => {
    expect(() => keyMaterial({ valid: false, minLength: 32, maxLength: 32 })).toThrow(RangeError);
    expect(() => keyMaterial({ valid: false, minLength: 5, maxLength: 4 })).toThrow(RangeError);
  });
});
