import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { memoryKeyStore } from "../../src/adapters/memoryKeyStore.js";
import type { KeyScope } from "../../src/domain/keyArn.js";
import type { KeyMaterial } from "../../src/domain/keyRecord.js";
import { observeKey } from "../../src/domain/observeKey.js";
import type { KeyStore } from "../../src/ports/keyStore.js";
import { createKms } from "../../src/service/createKms.js";
import type { Kms } from "../../src/service/kms.js";
import { runKmsModel } from "../../src/testing/runKmsModel.js";
import { testCrypto } from "../../src/testing/testCrypto.js";
import { recordAndInstant } from "./keyRecordArbitrary.js";
import { watchedKms } from "./watchedKms.js";

describe("expiry of imported key material (decisions 6 and 12)", () => {
  it("Enabled implies material is present and not expired at now", async () => {
    let enabledSeen = 0;
    await runKmsModel(
      ({ clock, accountId, region }) => {
        const store = memoryKeyStore();
        const kms = createKms({ clock, accountId, region, store, crypto: testCrypto() });
        return watchedKms(kms, {
          before: async () => undefined,
          after: async () => {
            enabledSeen += await expectEnabledKeysHoldLiveMaterial(kms, store, clock.now(), {
              accountId,
              region,
            });
          },
        });
      },
      { numRuns: 60, concurrency: false },
    );
    expect(enabledSeen).toBeGreaterThan(100);
  });

  it("observeKey never yields an Enabled key whose material has expired", () => {
    fc.assert(
      fc.property(recordAndInstant, ([record, now]) => {
        const key = observeKey(record, now).key;
        if (key?.keyState !== "Enabled") return;
        expect(
          isLive(key.material, now),
          `material valid to ${key.material.validTo?.toISOString()}`,
        ).toBe(true);
      }),
    );
  });

  it("observeKey takes expired material away: Enabled and Disabled become PendingImport, PendingDeletion stays", () => {
    fc.assert(
      fc.property(recordAndInstant, ([record, now]) => {
        const key = observeKey(record, now).key;
        if (record.keyState === "PendingDeletion" && record.deletionDate <= now) {
          expect(key).toBeUndefined();
          return;
        }
        const material = record.keyState === "PendingImport" ? undefined : record.material;
        if (material === undefined || isLive(material, now)) {
          expect(key).toEqual(record);
          return;
        }
        expect(key?.keyState).toBe(
          record.keyState === "PendingDeletion" ? "PendingDeletion" : "PendingImport",
        );
        expect(key !== undefined && "material" in key).toBe(false);
        expect(key?.boundMaterialId).toBe(record.boundMaterialId);
      }),
    );
  });
});

/** Material is live at `now` when it does not expire or expires after `now` (docs/decisions/0006-losing-material-means-pending-import.md: expired at `now >= ValidTo`). */
function isLive(material: KeyMaterial, now: Date): boolean {
  return material.validTo === undefined || material.validTo.getTime() > now.getTime();
}

/** Describes every stored key; returns how many were Enabled, each checked to hold live material. */
async function expectEnabledKeysHoldLiveMaterial(
  kms: Kms,
  store: KeyStore,
  now: Date,
  scope: KeyScope,
): Promise<number> {
  let enabled = 0;
  const { records } = (await store.list(scope, { limit: 1000 }))._unsafeUnwrap();
  for (const { arn, keyId } of records) {
    const before = (await store.get(arn))._unsafeUnwrap()?.record;
    const described = await kms.describeKey({ KeyId: keyId });
    if (described.isErr() || described.value.KeyMetadata.KeyState !== "Enabled") continue;
    enabled++;

    const metadata = described.value.KeyMetadata;
    const context = `${keyId} is Enabled at ${now.toISOString()}`;
    expect(metadata.Enabled, context).toBe(true);
    if (metadata.ValidTo !== undefined) {
      expect(metadata.ValidTo.getTime(), `${context} with ValidTo`).toBeGreaterThan(now.getTime());
    }
    // What DescribeKey read: the stored record, and the record as observed at now.
    expect(before?.keyState, `${context}: stored state`).toBe("Enabled");
    if (before?.keyState !== "Enabled") continue;
    expect(isLive(before.material, now), `${context}: stored material is live`).toBe(true);
    const observed = observeKey(before, now).key;
    expect(observed?.keyState, `${context}: observed state`).toBe("Enabled");
    if (observed?.keyState === "Enabled") {
      expect(isLive(observed.material, now), `${context}: observed material is live`).toBe(true);
    }
    // And what it left behind.
    const after = (await store.get(arn))._unsafeUnwrap()?.record;
    expect(after?.keyState === "Enabled" && isLive(after.material, now), context).toBe(true);
  }
  return enabled;
}
