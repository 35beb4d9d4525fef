import { addDays } from "date-fns";
import { describe, expect, it } from "vitest";
import type { DescribeKeyRequest } from "../../src/domain/requests/describeKey.js";
import { arnOf, expectError, kmsHarness, material, start } from "../support/kmsHarness.js";

const unknownId = "00000000-0000-4000-8000-000000000000";

async function expiringKey() {
  const h = kmsHarness();
  const KeyId = await h.externalKey();
  const { KeyMaterialId } = (await h.importMaterial(KeyId, material(), 10))._unsafeUnwrap();
  return { h, KeyId, KeyMaterialId, ValidTo: addDays(start, 10) };
}

describe("describeKey", () => {
  it("renders ExpirationModel, ValidTo and CurrentKeyMaterialId while expiring material is present", async () => {
    const { h, KeyId, KeyMaterialId, ValidTo } = await expiringKey();
    expect((await h.kms.describeKey({ KeyId }))._unsafeUnwrap().KeyMetadata).toMatchObject({
      KeyId,
      Arn: arnOf(KeyId),
      KeyState: "Enabled",
      Enabled: true,
      Origin: "EXTERNAL",
      KeyManager: "CUSTOMER",
      KeySpec: "SYMMETRIC_DEFAULT",
      KeyUsage: "ENCRYPT_DECRYPT",
      EncryptionAlgorithms: ["SYMMETRIC_DEFAULT"],
      ExpirationModel: "KEY_MATERIAL_EXPIRES",
      ValidTo,
      CurrentKeyMaterialId: KeyMaterialId,
    });
  });

  it("persists the expiry it observes and audits DeleteExpiredKeyMaterial at ValidTo exactly once", async () => {
    const { h, KeyId, KeyMaterialId, ValidTo } = await expiringKey();
    const before = (await h.store.get(arnOf(KeyId)))._unsafeUnwrap();
    h.clock.advance({ days: 12 });
    const { KeyMetadata } = (await h.kms.describeKey({ KeyId }))._unsafeUnwrap();
    expect(KeyMetadata).toMatchObject({
      KeyState: "PendingImport",
      Enabled: false,
      CurrentKeyMaterialId: KeyMaterialId,
    });
    expect(KeyMetadata).not.toHaveProperty("ExpirationModel");
    expect(KeyMetadata).not.toHaveProperty("ValidTo");
    const after = (await h.store.get(arnOf(KeyId)))._unsafeUnwrap();
    expect(after?.record.keyState).toBe("PendingImport");
    expect(after?.version).toBe((before?.version ?? 0) + 1);
    await h.kms.describeKey({ KeyId });
    expect(h.audit.filter((e) => e.eventName === "DeleteExpiredKeyMaterial")).toEqual([
      {
        eventName: "DeleteExpiredKeyMaterial",
        keyArn: arnOf(KeyId),
        eventTime: ValidTo,
        keyState: "PendingImport",
        keyMaterialId: KeyMaterialId,
      },
    ]);
  });

  it("audits an expiry once even when a failed operation saw it first", async () => {
    const { h, KeyId } = await expiringKey();
    h.clock.advance({ days: 10 });
    expectError(await h.kms.enableKey({ KeyId }), "KMSInvalidStateException");
    await h.kms.describeKey({ KeyId });
    await h.kms.describeKey({ KeyId });
    expect(h.audit.filter((e) => e.eventName === "DeleteExpiredKeyMaterial")).toHaveLength(1);
  });

  it("writes nothing when time derived nothing", async () => {
    const { h, KeyId } = await expiringKey();
    const before = (await h.store.get(arnOf(KeyId)))._unsafeUnwrap()?.version;
    const events = h.audit.length;
    await h.kms.describeKey({ KeyId });
    expect((await h.store.get(arnOf(KeyId)))._unsafeUnwrap()?.version).toBe(before);
    expect(h.audit).toHaveLength(events);
  });

  it("shows DeletionDate only while the key is pending deletion", async () => {
    const { h, KeyId } = await expiringKey();
    await h.kms.scheduleKeyDeletion({ KeyId, PendingWindowInDays: 7 });
    const pending = (await h.kms.describeKey({ KeyId }))._unsafeUnwrap().KeyMetadata;
    expect(pending).toMatchObject({
      KeyState: "PendingDeletion",
      Enabled: false,
      DeletionDate: addDays(start, 7),
    });
    await h.kms.cancelKeyDeletion({ KeyId });
    const cancelled = (await h.kms.describeKey({ KeyId }))._unsafeUnwrap().KeyMetadata;
    expect(cancelled).toMatchObject({ KeyState: "Disabled", Enabled: false });
    expect(cancelled).not.toHaveProperty("DeletionDate");
  });

  it.each(["alias/x", "arn:aws:kms:us-east-1:111122223333:alias/x"])(
    'returns NotFoundException "Alias … is not found." for %s',
    async (KeyId) => {
      const error = expectError(await kmsHarness().kms.describeKey({ KeyId }), "NotFoundException");
      expect(error.message).toBe("Alias arn:aws:kms:us-east-1:111122223333:alias/x is not found.");
    },
  );

  it.each([
    [
      `arn:aws:kms:eu-west-1:111122223333:key/${unknownId}`,
      "NotFoundException",
      "Invalid arn eu-west-1",
    ],
    ["nope", "NotFoundException", "Invalid keyId 'nope'"],
    [unknownId, "NotFoundException", `Key '${arnOf(unknownId)}' does not exist`],
    [arnOf(unknownId), "NotFoundException", `Key '${arnOf(unknownId)}' does not exist`],
    [
      `arn:aws:kms:us-east-1:444455556666:key/${unknownId}`,
      "AccessDeniedException",
      `User: arn:aws:iam::111122223333:root is not authorized to perform: kms:DescribeKey on resource: arn:aws:kms:us-east-1:444455556666:key/${unknownId} because no resource-based policy allows the kms:DescribeKey action`,
    ],
  ] as const)("returns for KeyId %s a %s: %s", async (KeyId, name, message) => {
    expect(expectError(await kmsHarness().kms.describeKey({ KeyId }), name).message).toBe(message);
  });

  it("returns UnsupportedOperationException for a multi-Region key ID", async () => {
    const KeyId = `mrk-${"ab".repeat(16)}`;
    expectError(await kmsHarness().kms.describeKey({ KeyId }), "UnsupportedOperationException");
  });

  it("returns ValidationException when KeyId is missing", async () => {
    const request = {} as DescribeKeyRequest;
    const error = expectError(await kmsHarness().kms.describeKey(request), "ValidationException");
    expect(error.message).toBe(
      "1 validation error detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null",
    );
  });

  it("returns ValidationException for more than 10 GrantTokens", async () => {
    const h = kmsHarness();
    const KeyId = await h.externalKey();
    const error = expectError(
      await h.kms.describeKey({ KeyId, GrantTokens: Array.from({ length: 11 }, () => "g") }),
      "ValidationException",
    );
    expect(error.message).toBe(
      "1 validation error detected: Value at 'grantTokens' failed to satisfy constraint: Member must have length less than or equal to 10",
    );
  });

  it("returns SerializationException for a KeyId that is not a string", async () => {
    const error = expectError(
      await kmsHarness().kms.describeKey({ KeyId: 42 } as never),
      "SerializationException",
    );
    expect(error.message).toBe("Member 'KeyId' must be a string; got a number.");
  });
});
