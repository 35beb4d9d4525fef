import { describe, expect, it } from "vitest";
import { memoryKeyStore } from "../../src/adapters/memoryKeyStore.js";
import type { KeyArn } from "../../src/domain/keyArn.js";
import { observeKey } from "../../src/domain/observeKey.js";
import type { KeyStore, StoredKey } from "../../src/ports/keyStore.js";
import { createKms } from "../../src/service/createKms.js";
import type { Kms } from "../../src/service/kms.js";
import { runKmsModel } from "../../src/testing/runKmsModel.js";
import { testCrypto } from "../../src/testing/testCrypto.js";
import { recordingKeyStore } from "./recordingKeyStore.js";
import { serialize } from "./storeSnapshot.js";
import { watchedKms } from "./watchedKms.js";

/** The operations that read their key as the data plane does (useEnabledKey, keyAt). */
const dataPlane: ReadonlySet<keyof Kms> = new Set([
  "encrypt",
  "decrypt",
  "generateDataKey",
  "generateDataKeyWithoutPlaintext",
  "reEncrypt",
  "sign",
  "verify",
  "generateMac",
  "verifyMac",
  "getPublicKey",
]);

describe("failed operations and the key store (decision 12)", () => {
  it("a failed operation leaves every stored record byte-for-byte unchanged, except that a data-plane call records an expiry it observed", async () => {
    const seen = { failed: 0, succeeded: 0 };
    await runKmsModel(
      ({ clock, accountId, region }) => {
        const recording = recordingKeyStore(memoryKeyStore());
        const kms = createKms({
          clock,
          accountId,
          region,
          store: recording.store,
          crypto: testCrypto(),
        });
        return watchedKms(kms, {
          before: async () => {
            recording.clear();
            return rows(recording.inner, recording.arns);
          },
          after: async ({ operation, result }, before) => {
            if (result.isOk()) {
              seen.succeeded++;
              return;
            }
            seen.failed++;
            const after = await rows(recording.inner, recording.arns);
            for (const [arn, row] of after) {
              const old = before.get(arn);
              if (serialize(row) === serialize(old)) continue;
              const context = `${operation} failed with ${result.error.name}, yet ${arn} changed`;
              // The documented exception: the data-plane read that finds material expired
              // persists that expiry (docs/decisions/0012-lazy-time-from-a-clock-port.md), and nothing else.
              expect(dataPlane.has(operation), context).toBe(true);
              expect(old, context).toBeDefined();
              if (old === undefined) return;
              expect(serialize(row), context).toBe(
                serialize({
                  record: observeKey(old.record, clock.now()).key,
                  version: old.version + 1,
                }),
              );
            }
          },
        });
      },
      { numRuns: 150, concurrency: false },
    );
    // The kit's lifecycles must really produce both outcomes, or the law says nothing.
    expect(seen.failed).toBeGreaterThan(100);
    expect(seen.succeeded).toBeGreaterThan(100);
  });
});

async function rows(store: KeyStore, arns: Iterable<KeyArn>): Promise<Map<KeyArn, StoredKey>> {
  const found = new Map<KeyArn, StoredKey>();
  for (const arn of arns) {
    const row = (await store.get(arn))._unsafeUnwrap();
    if (row !== undefined) found.set(arn, row);
  }
  return found;
}
