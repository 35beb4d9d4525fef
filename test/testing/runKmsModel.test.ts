import { describe, it } from "vitest";
import { memoryKeyStore } from "../../src/adapters/memoryKeyStore.js";
import { createKms } from "../../src/service/createKms.js";
import { runKmsModel } from "../../src/testing/runKmsModel.js";
import { testCrypto } from "../../src/testing/testCrypto.js";

describe("runKmsModel", () => {
  it("finds createKms with memoryKeyStore in agreement with the reference model", async () => {
    await runKmsModel(
      ({ clock, accountId, region }) =>
        createKms({ clock, accountId, region, store: memoryKeyStore(), crypto: testCrypto() }),
      { numRuns: Number(process.env["KMS_MODEL_RUNS"] ?? 1000) },
    );
  }, 600_000);
});
