import { expect } from "vitest";
import type { ConsumerLaw } from "../support/consumerKit.js";

/**
 * The model-based kit, the arbitraries and the storage contract, loaded from the package: the
 * packed createKms agrees with the reference model, refuses each invalid request with the
 * promised error, and its memoryKeyStore passes every check of keyStoreContract.
 *
 * @example
 * ```ts
 * it(kitRunsOnThePackage.name, () => kitRunsOnThePackage.check(kit));
 * ```
 */
export const kitRunsOnThePackage: ConsumerLaw = {
  name: "law: runKmsModel, arbitraries and keyStoreContract hold for the packed createKms and memoryKeyStore",
  check: async ({ kmsByok, testing, fc }) => {
    await testing.runKmsModel(
      (environment) => kmsByok.createKms({ ...environment, crypto: testing.testCrypto() }),
      { numRuns: 50 },
    );

    const clock = testing.manualClock();
    const kms = kmsByok.createKms({ clock, crypto: testing.testCrypto() });
    await fc.assert(
      fc.asyncProperty(
        testing.arbitraries.invalidRequest("ScheduleKeyDeletion", { now: clock }),
        async ({ request, error }) => {
          const result = await kms.scheduleKeyDeletion(request as never);
          expect(result.isErr() && result.error.name).toBe(error);
        },
      ),
      { numRuns: 50 },
    );

    const checks = testing.keyStoreContract(() => kmsByok.memoryKeyStore());
    expect(checks.length).toBeGreaterThan(0);
    for (const check of checks) await check.run();
  },
};
