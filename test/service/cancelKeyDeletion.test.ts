import { describe, expect, it } from "vitest";
import { arnOf, expectError, kmsHarness, material } from "../support/kmsHarness.js";

describe("cancelKeyDeletion", () => {
  it("returns the key ARN and leaves a key with material Disabled", async () => {
    const h = kmsHarness();
    const KeyId = await h.externalKey();
    await h.importMaterial(KeyId, material());
    await h.kms.scheduleKeyDeletion({ KeyId });
    expect((await h.kms.cancelKeyDeletion({ KeyId }))._unsafeUnwrap()).toEqual({
      KeyId: arnOf(KeyId),
    });
    expect(await h.stateOf(KeyId)).toBe("Disabled");
    expect(h.audit.at(-1)).toMatchObject({ eventName: "CancelKeyDeletion", keyState: "Disabled" });
    await h.kms.enableKey({ KeyId });
    expect(await h.stateOf(KeyId)).toBe("Enabled");
  });

  it("leaves a key that never had material PendingImport", async () => {
    const h = kmsHarness();
    const KeyId = await h.externalKey();
    await h.kms.scheduleKeyDeletion({ KeyId });
    await h.kms.cancelKeyDeletion({ KeyId });
    expect(await h.stateOf(KeyId)).toBe("PendingImport");
  });

  it("leaves a key whose material was deleted while pending deletion PendingImport", async () => {
    const h = kmsHarness();
    const KeyId = await h.externalKey();
    await h.importMaterial(KeyId, material());
    await h.kms.scheduleKeyDeletion({ KeyId });
    await h.kms.deleteImportedKeyMaterial({ KeyId });
    await h.kms.cancelKeyDeletion({ KeyId });
    expect(await h.stateOf(KeyId)).toBe("PendingImport");
  });

  it("leaves an AWS_KMS key Disabled", async () => {
    const h = kmsHarness();
    const { KeyId } = (await h.kms.createKey())._unsafeUnwrap().KeyMetadata;
    await h.kms.scheduleKeyDeletion({ KeyId });
    await h.kms.cancelKeyDeletion({ KeyId });
    expect(await h.stateOf(KeyId)).toBe("Disabled");
  });

  it.each(["PendingImport", "Enabled"] as const)(
    'returns KMSInvalidStateException "… is not pending deletion." for a %s key',
    async (state) => {
      const h = kmsHarness();
      const KeyId = await h.externalKey();
      if (state === "Enabled") await h.importMaterial(KeyId, material());
      const error = expectError(
        await h.kms.cancelKeyDeletion({ KeyId }),
        "KMSInvalidStateException",
      );
      expect(error.message).toBe(`${arnOf(KeyId)} is not pending deletion.`);
      expect(await h.stateOf(KeyId)).toBe(state);
    },
  );

  it("returns InvalidArnException for an alias", async () => {
    const error = expectError(
      await kmsHarness().kms.cancelKeyDeletion({ KeyId: "alias/x" }),
      "InvalidArnException",
    );
    expect(error.message).toBe("Key Aliases are not supported for this operation.");
  });
});
