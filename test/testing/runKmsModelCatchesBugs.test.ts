import { describe, expect, it } from "vitest";
import { KmsModelFailure } from "../../src/testing/kmsModelFailure.js";
import {
  type KmsTarget,
  type RunKmsModelOptions,
  runKmsModel,
} from "../../src/testing/runKmsModel.js";
import {
  acceptsDifferentMaterial,
  exceedsRotationLimit,
  forgetsOldMaterials,
  ignoresExpiry,
  losesConcurrentWrites,
  reusesSpentTokens,
} from "./brokenKms.js";

async function failureOf(
  target: KmsTarget,
  options: RunKmsModelOptions = {},
): Promise<KmsModelFailure> {
  const failure: unknown = await runKmsModel(target, { numRuns: 1000, ...options }).then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(failure instanceof KmsModelFailure))
    throw new Error(`expected a KmsModelFailure, got ${String(failure)}`);
  return failure;
}

describe("runKmsModel against deliberately broken variants of createKms", () => {
  it.each([
    [
      "accepts different material on reimport",
      acceptsDifferentMaterial,
      /IncorrectKeyMaterialException/,
      {},
    ],
    ["ignores expiry", ignoresExpiry, /ValidTo|ExpirationModel|KMSInvalidStateException/, {}],
    [
      "lets a spent token import again",
      reusesSpentTokens,
      /InvalidImportTokenException|got success/,
      {},
    ],
    ["loses a concurrent write", losesConcurrentWrites, /Concurrently/, {}],
    [
      "forgets the materials a key rotated away from",
      forgetsOldMaterials,
      /Decrypt|ReEncrypt|ListKeyRotations|ImportKeyMaterial/,
      { behaviour: "current" },
    ],
    [
      "rotates once more than its limit allows",
      exceedsRotationLimit,
      /LimitExceededException/,
      { behaviour: "current", onDemandRotationLimit: 1 },
    ],
  ] as const)(
    "fails on a target that %s, with a shrunk counterexample",
    async (_bug, target, symptom, options: RunKmsModelOptions) => {
      const failure = await failureOf(target, options);
      expect(failure.message).toMatch(symptom);
      expect(failure.numShrinks).toBeGreaterThan(0);
      expect(failure.commands.length).toBeGreaterThan(0);
      expect(failure.commands.length).toBeLessThanOrEqual(6);
      expect(failure.message).toContain(failure.commands.at(-1));
    },
    120_000,
  );
});
