import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createKms } from "../../src/service/createKms.js";
import { anyKmsCommand } from "../../src/testing/anyKmsCommand.js";
import { kmsCommands } from "../../src/testing/kmsCommands.js";
import { KmsModelFailure } from "../../src/testing/kmsModelFailure.js";
import { kmsModelSetup } from "../../src/testing/kmsModelSetup.js";
import { manualClock } from "../../src/testing/manualClock.js";
import { runKmsModel } from "../../src/testing/runKmsModel.js";
import { testCrypto } from "../../src/testing/testCrypto.js";
import { acceptsDifferentMaterial, soundKms } from "./brokenKms.js";

// CI runs 1,000 sequences, the local loop 200 (a tenth of it in another account and Region);
// KMS_MODEL_RUNS sets another number.
const sequences = Number(
  process.env["KMS_MODEL_RUNS"] ?? (process.env["CI"] === "true" ? 1000 : 200),
);

describe("runKmsModel", () => {
  it(`finds createKms with memoryKeyStore in agreement with the reference model (${sequences} sequences)`, async () => {
    await runKmsModel(soundKms, { numRuns: sequences });
  }, 600_000);

  it(`finds createKms of the current profile in agreement with the reference model (${sequences} sequences)`, async () => {
    await runKmsModel(soundKms, { numRuns: sequences, behaviour: "current" });
  }, 600_000);

  it("agrees in the current profile when a key may rotate on demand only twice", async () => {
    await runKmsModel(soundKms, {
      numRuns: sequences / 4,
      behaviour: "current",
      onDemandRotationLimit: 2,
    });
  }, 300_000);

  it("agrees in another account and Region, with every wrapping key spec", async () => {
    await runKmsModel(soundKms, {
      numRuns: sequences / 10,
      accountId: "444455556666",
      region: "eu-west-1",
      wrappingKeySpecs: ["RSA_2048", "RSA_3072", "RSA_4096"],
    });
  }, 120_000);

  it("closes every target it built, once per sequence", async () => {
    let built = 0;
    let closed = 0;
    await runKmsModel(
      (environment) => {
        built += 1;
        const kms = createKms({ ...environment, crypto: testCrypto() });
        return {
          kms,
          close: () => {
            closed += 1;
          },
        };
      },
      { numRuns: 20 },
    );
    expect(built).toBeGreaterThanOrEqual(20);
    expect(closed).toBe(built);
  });

  it("reports a failure that replays from its seed, path and replayPath", async () => {
    const failure = await runKmsModel(acceptsDifferentMaterial, { numRuns: 1000 }).catch(
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(KmsModelFailure);
    const { seed, path, replayPath, commands } = failure as KmsModelFailure;
    expect(path).toBeDefined();
    expect(replayPath).toBeDefined();
    const replayed = await runKmsModel(acceptsDifferentMaterial, {
      seed,
      ...(path === undefined ? {} : { path }),
      ...(replayPath === undefined ? {} : { replayPath }),
    }).catch((e: unknown) => e);
    expect(replayed).toBeInstanceOf(KmsModelFailure);
    expect((replayed as KmsModelFailure).commands).toEqual(commands);
  }, 120_000);

  it("says which part of the environment a target ignores: the clock, or the account and Region", async () => {
    const ignoresClock = await runKmsModel(() => createKms({ crypto: testCrypto() }), {
      numRuns: 5,
    }).catch((e: unknown) => e);
    expect((ignoresClock as KmsModelFailure).message).toContain(
      "does the target read the clock it was given?",
    );
    const ignoresRegion = await runKmsModel(
      ({ clock }) => createKms({ clock, crypto: testCrypto() }),
      { numRuns: 5, region: "eu-west-1" },
    ).catch((e: unknown) => e);
    expect((ignoresRegion as KmsModelFailure).message).toContain(
      "does the target serve the account and Region it was given?",
    );
  });

  it("resolves without calling the target when there is nothing to run", async () => {
    let built = 0;
    await runKmsModel(
      (environment) => {
        built += 1;
        return soundKms(environment);
      },
      { numRuns: 0 },
    );
    expect(built).toBe(0);
  });
});

describe("kmsCommands with kmsModelSetup", () => {
  it("run under fc.asyncModelRun next to commands of the caller's own", async () => {
    let custom = 0;
    const countingCommand = fc.constant({
      check: () => true,
      run: async () => {
        custom += 1;
      },
      toString: () => "Count()",
    });
    await fc.assert(
      fc.asyncProperty(
        fc.commands([countingCommand, anyKmsCommand()], { maxCommands: 20 }),
        async (commands) => {
          const clock = manualClock();
          const kms = createKms({ clock, crypto: testCrypto() });
          await fc.asyncModelRun(kmsModelSetup(kms, { clock }), commands);
        },
      ),
      { numRuns: 30 },
    );
    expect(custom).toBeGreaterThan(0);
  });

  it("refuses an empty list of wrapping key specs", () => {
    expect(() => kmsCommands({ wrappingKeySpecs: [] })).toThrow(RangeError);
  });
});
