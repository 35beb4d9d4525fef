import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { memoryKeyStore } from "../../src/adapters/memoryKeyStore.js";
import { kmsHarness } from "../support/kmsHarness.js";
import { lifecycleCommands, materialPool } from "./lifecycleCommands.js";
import { lifecycleWorld, prepare } from "./lifecycleWorld.js";
import { recordingKeyStore } from "./recordingKeyStore.js";
import { storeSnapshot } from "./storeSnapshot.js";

describe("failed operations and the key store (D12)", () => {
  it("a failed operation leaves the stored record byte-for-byte unchanged", async () => {
    const seen = { failed: 0, succeeded: 0 };
    await fc.assert(
      fc.asyncProperty(materialPool, lifecycleCommands, async (materials, commands) => {
        const recording = recordingKeyStore(memoryKeyStore());
        const world = await lifecycleWorld(kmsHarness({ store: recording.store }), materials);
        for (const command of commands) {
          const step = await prepare(world, command);
          const before = await storeSnapshot(recording.inner, recording.arns);
          recording.clear();
          const result = await step.run();
          const after = await storeSnapshot(recording.inner, recording.arns);
          if (result.isOk()) {
            seen.succeeded++;
            continue;
          }
          seen.failed++;
          const context = `${step.label} failed with ${result.error.name}`;
          expect(
            recording.puts.filter((put) => put.outcome === "ok"),
            `${context}, yet wrote`,
          ).toEqual([]);
          expect(after, `${context}, yet the store changed`).toBe(before);
        }
      }),
      { numRuns: 60 },
    );
    // The generator must really produce both outcomes, or the law says nothing.
    expect(seen.failed).toBeGreaterThan(0);
    expect(seen.succeeded).toBeGreaterThan(0);
  });
});
