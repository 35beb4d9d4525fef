import { describe, expect, it } from "vitest";
import { daysAfter } from "../../src/domain/daysAfter.js";
import { arnOf, expectError, kmsHarness, start } from "../support/kmsHarness.js";

describe("automatic rotation settings", () => {
  it("reads off for a new AWS_KMS key, on with the period after EnableKeyRotation, off after DisableKeyRotation", async () => {
    const h = kmsHarness();
    const KeyId = (await h.kms.createKey())._unsafeUnwrap().KeyMetadata.KeyId;
    expect(await h.kms.getKeyRotationStatus({ KeyId })).toBeOk({
      KeyId: arnOf(KeyId),
      KeyRotationEnabled: false,
    });
    expect(await h.kms.enableKeyRotation({ KeyId, RotationPeriodInDays: 90 })).toBeOk({});
    expect(await h.kms.getKeyRotationStatus({ KeyId })).toBeOk({
      KeyId: arnOf(KeyId),
      KeyRotationEnabled: true,
      RotationPeriodInDays: 90,
      NextRotationDate: daysAfter(start, 90),
    });
    h.clock.advance({ days: 100 });
    expect((await h.kms.getKeyRotationStatus({ KeyId }))._unsafeUnwrap().NextRotationDate).toEqual(
      daysAfter(start, 180),
    );
    expect(await h.kms.disableKeyRotation({ KeyId })).toBeOk({});
    expect(await h.kms.getKeyRotationStatus({ KeyId })).toBeOk({
      KeyId: arnOf(KeyId),
      KeyRotationEnabled: false,
    });
  });

  it("defaults the period to 365 days and refuses one outside 90–2560 days", async () => {
    const h = kmsHarness();
    const KeyId = (await h.kms.createKey())._unsafeUnwrap().KeyMetadata.KeyId;
    await h.kms.enableKeyRotation({ KeyId });
    expect((await h.kms.getKeyRotationStatus({ KeyId }))._unsafeUnwrap().RotationPeriodInDays).toBe(
      365,
    );
    expectError(
      await h.kms.enableKeyRotation({ KeyId, RotationPeriodInDays: 89 }),
      "ValidationException",
    );
    expectError(
      await h.kms.enableKeyRotation({ KeyId, RotationPeriodInDays: 2561 }),
      "ValidationException",
    );
  });

  it.each(["getKeyRotationStatus", "enableKeyRotation", "disableKeyRotation"] as const)(
    "refuses %s for an EXTERNAL key with UnsupportedOperationException, in any state",
    async (op) => {
      const h = kmsHarness();
      const pending = await h.externalKey();
      const { KeyId: enabled } = await h.enabledKey();
      for (const KeyId of [pending, enabled]) {
        const error = expectError(await h.kms[op]({ KeyId }), "UnsupportedOperationException");
        expect(error.message).toBe(
          `${arnOf(KeyId)} origin is EXTERNAL which is not valid for this operation.`,
        );
      }
    },
  );

  it("refuses changes to a Disabled key and reads off while pending deletion, then on again after cancelling", async () => {
    const h = kmsHarness();
    const KeyId = (await h.kms.createKey())._unsafeUnwrap().KeyMetadata.KeyId;
    await h.kms.enableKeyRotation({ KeyId });
    await h.kms.disableKey({ KeyId });
    expectError(await h.kms.disableKeyRotation({ KeyId }), "DisabledException");
    expect((await h.kms.getKeyRotationStatus({ KeyId }))._unsafeUnwrap().KeyRotationEnabled).toBe(
      true,
    );
    await h.kms.scheduleKeyDeletion({ KeyId });
    expectError(await h.kms.enableKeyRotation({ KeyId }), "KMSInvalidStateException");
    expect((await h.kms.getKeyRotationStatus({ KeyId }))._unsafeUnwrap().KeyRotationEnabled).toBe(
      false,
    );
    await h.kms.cancelKeyDeletion({ KeyId });
    expect((await h.kms.getKeyRotationStatus({ KeyId }))._unsafeUnwrap().KeyRotationEnabled).toBe(
      true,
    );
  });
});
