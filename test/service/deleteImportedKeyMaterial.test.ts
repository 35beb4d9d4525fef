import { describe, expect, it } from "vitest";
import {
  arnOf,
  expectError,
  type Harness,
  kmsHarness,
  material,
  start,
} from "../support/kmsHarness.js";

async function importedKey(h: Harness) {
  const KeyId = await h.externalKey();
  const { KeyMaterialId } = (await h.importMaterial(KeyId, material(), 30))._unsafeUnwrap();
  return { KeyId, KeyMaterialId };
}

describe("deleteImportedKeyMaterial", () => {
  it("moves an Enabled key to PendingImport and returns the key ARN and the KeyMaterialId", async () => {
    const h = kmsHarness();
    const { KeyId, KeyMaterialId } = await importedKey(h);
    expect((await h.kms.deleteImportedKeyMaterial({ KeyId }))._unsafeUnwrap()).toEqual({
      KeyId: arnOf(KeyId),
      KeyMaterialId,
    });
    expect(h.audit.at(-1)).toEqual({
      eventName: "DeleteImportedKeyMaterial",
      keyArn: arnOf(KeyId),
      eventTime: start,
      keyState: "PendingImport",
      keyMaterialId: KeyMaterialId,
    });
  });

  it("leaves DescribeKey without ExpirationModel and ValidTo but with CurrentKeyMaterialId", async () => {
    const h = kmsHarness();
    const { KeyId, KeyMaterialId } = await importedKey(h);
    await h.kms.deleteImportedKeyMaterial({ KeyId });
    const { KeyMetadata } = (await h.kms.describeKey({ KeyId }))._unsafeUnwrap();
    expect(KeyMetadata).toMatchObject({
      KeyState: "PendingImport",
      Enabled: false,
      CurrentKeyMaterialId: KeyMaterialId,
    });
    expect(KeyMetadata).not.toHaveProperty("ExpirationModel");
    expect(KeyMetadata).not.toHaveProperty("ValidTo");
  });

  it("moves a deliberately Disabled key to PendingImport, so a reimport enables it", async () => {
    const h = kmsHarness();
    const KeyId = await h.externalKey();
    const bytes = material();
    await h.importMaterial(KeyId, bytes);
    await h.kms.disableKey({ KeyId });
    await h.kms.deleteImportedKeyMaterial({ KeyId });
    expect(await h.stateOf(KeyId)).toBe("PendingImport");
    await h.importMaterial(KeyId, bytes);
    expect(await h.stateOf(KeyId)).toBe("Enabled");
  });

  it("keeps a key pending deletion PendingDeletion; cancelling then gives PendingImport", async () => {
    const h = kmsHarness();
    const { KeyId } = await importedKey(h);
    await h.kms.scheduleKeyDeletion({ KeyId });
    expect(await h.kms.deleteImportedKeyMaterial({ KeyId })).toBeOk();
    expect(await h.stateOf(KeyId)).toBe("PendingDeletion");
    await h.kms.cancelKeyDeletion({ KeyId });
    expect(await h.stateOf(KeyId)).toBe("PendingImport");
  });

  it("answers a key that never had material with its ARN only", async () => {
    const h = kmsHarness();
    const KeyId = await h.externalKey();
    expect((await h.kms.deleteImportedKeyMaterial({ KeyId }))._unsafeUnwrap()).toStrictEqual({
      KeyId: arnOf(KeyId),
    });
    expect(await h.stateOf(KeyId)).toBe("PendingImport");
  });

  it("still names the bound material when deleting again", async () => {
    const h = kmsHarness();
    const { KeyId, KeyMaterialId } = await importedKey(h);
    await h.kms.deleteImportedKeyMaterial({ KeyId });
    expect((await h.kms.deleteImportedKeyMaterial({ KeyId }))._unsafeUnwrap().KeyMaterialId).toBe(
      KeyMaterialId,
    );
  });

  it("deletes when the KeyMaterialId member names the key's material", async () => {
    const h = kmsHarness();
    const { KeyId, KeyMaterialId } = await importedKey(h);
    expect(await h.kms.deleteImportedKeyMaterial({ KeyId, KeyMaterialId })).toBeOk();
    expect(await h.stateOf(KeyId)).toBe("PendingImport");
  });

  it("returns NotFoundException and keeps the material when KeyMaterialId names other material", async () => {
    const h = kmsHarness();
    const { KeyId } = await importedKey(h);
    const other = "0".repeat(64);
    const error = expectError(
      await h.kms.deleteImportedKeyMaterial({ KeyId, KeyMaterialId: other }),
      "NotFoundException",
    );
    expect(error.message).toBe(`Key material ${other} is not associated with ${arnOf(KeyId)}.`);
    expect(await h.stateOf(KeyId)).toBe("Enabled");
  });

  it("returns ValidationException for a KeyMaterialId that is not 64 lowercase hex digits", async () => {
    const h = kmsHarness();
    const { KeyId } = await importedKey(h);
    expectError(
      await h.kms.deleteImportedKeyMaterial({ KeyId, KeyMaterialId: "F".repeat(64) }),
      "ValidationException",
    );
  });

  it("returns UnsupportedOperationException with AWS's message for an AWS_KMS key", async () => {
    const h = kmsHarness();
    const { KeyId, Arn } = (await h.kms.createKey())._unsafeUnwrap().KeyMetadata;
    const error = expectError(
      await h.kms.deleteImportedKeyMaterial({ KeyId }),
      "UnsupportedOperationException",
    );
    expect(error.message).toBe(`${Arn} origin is AWS_KMS which is not valid for this operation.`);
    expect(await h.stateOf(KeyId)).toBe("Enabled");
  });

  it("returns InvalidArnException for an alias ARN", async () => {
    const h = kmsHarness();
    const KeyId = "arn:aws:kms:us-east-1:111122223333:alias/x";
    const error = expectError(
      await h.kms.deleteImportedKeyMaterial({ KeyId }),
      "InvalidArnException",
    );
    expect(error.message).toBe("Key Aliases are not supported for this operation.");
  });
});
