import { addDays } from "date-fns";
import { describe, expect, it } from "vitest";
import { arnOf, expectError, kmsHarness, material, start } from "../support/kmsHarness.js";

const dayMs = 24 * 60 * 60 * 1000;

describe("scheduleKeyDeletion", () => {
  it("schedules deletion in 30 days by default", async () => {
    const h = kmsHarness();
    const KeyId = await h.externalKey();
    expect((await h.kms.scheduleKeyDeletion({ KeyId }))._unsafeUnwrap()).toEqual({
      KeyId: arnOf(KeyId),
      DeletionDate: new Date(start.getTime() + 30 * dayMs),
      KeyState: "PendingDeletion",
      PendingWindowInDays: 30,
    });
    expect(h.audit.at(-1)).toMatchObject({
      eventName: "ScheduleKeyDeletion",
      keyState: "PendingDeletion",
    });
  });

  it.each([7, 30])("accepts PendingWindowInDays %i", async (days) => {
    const h = kmsHarness();
    const KeyId = await h.externalKey();
    const r = (
      await h.kms.scheduleKeyDeletion({ KeyId, PendingWindowInDays: days })
    )._unsafeUnwrap();
    expect(r.DeletionDate).toEqual(addDays(start, days));
  });

  it.each([
    [6, "greater than or equal to 7"],
    [31, "less than or equal to 30"],
  ])(
    "returns ValidationException for PendingWindowInDays %i and keeps the key",
    async (days, bound) => {
      const h = kmsHarness();
      const KeyId = await h.externalKey();
      const error = expectError(
        await h.kms.scheduleKeyDeletion({ KeyId, PendingWindowInDays: days }),
        "ValidationException",
      );
      expect(error.message).toBe(
        `1 validation error detected: Value '${days}' at 'pendingWindowInDays' failed to satisfy constraint: Member must have value ${bound}`,
      );
      expect(await h.stateOf(KeyId)).toBe("PendingImport");
    },
  );

  it('returns KMSInvalidStateException "… is pending deletion." when scheduled twice', async () => {
    const h = kmsHarness();
    const KeyId = await h.externalKey();
    await h.kms.scheduleKeyDeletion({ KeyId, PendingWindowInDays: 7 });
    const error = expectError(
      await h.kms.scheduleKeyDeletion({ KeyId }),
      "KMSInvalidStateException",
    );
    expect(error.message).toBe(`${arnOf(KeyId)} is pending deletion.`);
    expect((await h.kms.describeKey({ KeyId }))._unsafeUnwrap().KeyMetadata.DeletionDate).toEqual(
      addDays(start, 7),
    );
  });

  it.each(["Enabled", "Disabled"] as const)("schedules deletion of a %s key", async (state) => {
    const h = kmsHarness();
    const KeyId = await h.externalKey();
    await h.importMaterial(KeyId, material());
    if (state === "Disabled") await h.kms.disableKey({ KeyId });
    expect(await h.kms.scheduleKeyDeletion({ KeyId })).toBeOk();
    expect(await h.stateOf(KeyId)).toBe("PendingDeletion");
  });

  it("keeps the key 1 ms before DeletionDate and removes it from DeletionDate on", async () => {
    const h = kmsHarness();
    const KeyId = await h.externalKey();
    const { DeletionDate } = (
      await h.kms.scheduleKeyDeletion({ KeyId, PendingWindowInDays: 7 })
    )._unsafeUnwrap();
    h.clock.set(new Date(DeletionDate.getTime() - 1));
    expect(await h.stateOf(KeyId)).toBe("PendingDeletion");
    h.clock.set(DeletionDate);
    const error = expectError(await h.kms.describeKey({ KeyId }), "NotFoundException");
    expect(error.message).toBe(`Key '${arnOf(KeyId)}' does not exist`);
  });

  it("drops the deleted key from listKeys and refuses every operation on it", async () => {
    const h = kmsHarness();
    const KeyId = await h.externalKey();
    const kept = await h.externalKey();
    await h.kms.scheduleKeyDeletion({ KeyId, PendingWindowInDays: 7 });
    h.clock.advance({ days: 8 });
    expect((await h.kms.listKeys())._unsafeUnwrap().Keys).toEqual([
      { KeyId: kept, KeyArn: arnOf(kept) },
    ]);
    expectError(await h.kms.cancelKeyDeletion({ KeyId }), "NotFoundException");
    expectError(await h.kms.scheduleKeyDeletion({ KeyId }), "NotFoundException");
    expectError(await h.kms.deleteImportedKeyMaterial({ KeyId }), "NotFoundException");
    expectError(
      await h.kms.getParametersForImport({
        KeyId,
        WrappingAlgorithm: "RSAES_OAEP_SHA_256",
        WrappingKeySpec: "RSA_2048",
      }),
      "NotFoundException",
    );
  });

  it("waits exactly PendingWindowInDays × 24 hours whatever the host time zone", async () => {
    const { TZ: zone } = process.env;
    Object.assign(process.env, { TZ: "America/New_York" });
    try {
      const h = kmsHarness();
      const KeyId = await h.externalKey();
      const now = h.clock.set(new Date("2026-03-07T12:00:00.000Z"));
      const { DeletionDate } = (
        await h.kms.scheduleKeyDeletion({ KeyId, PendingWindowInDays: 7 })
      )._unsafeUnwrap();
      expect(DeletionDate.getTime() - now.getTime()).toBe(7 * dayMs);
    } finally {
      if (zone === undefined) Reflect.deleteProperty(process.env, "TZ");
      else Object.assign(process.env, { TZ: zone });
    }
  });

  it("returns InvalidArnException for an alias", async () => {
    const error = expectError(
      await kmsHarness().kms.scheduleKeyDeletion({ KeyId: "alias/x" }),
      "InvalidArnException",
    );
    expect(error.message).toBe("Key Aliases are not supported for this operation.");
  });
});
