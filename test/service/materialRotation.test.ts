import { describe, expect, it } from "vitest";
import { memoryKeyStore } from "../../src/adapters/memoryKeyStore.js";
import { daysAfter } from "../../src/domain/daysAfter.js";
import type { ImportKeyMaterialRequest } from "../../src/domain/requests/importKeyMaterial.js";
import { importRequest } from "../support/importMaterial.js";
import { arnOf, expectError, type Harness, kmsHarness, material } from "../support/kmsHarness.js";

/** Imports `bytes` into `KeyId` with the extra members given, under fresh parameters. */
async function importWith(
  h: Harness,
  KeyId: string,
  bytes: Uint8Array,
  extra: Partial<ImportKeyMaterialRequest> = {},
) {
  return h.kms.importKeyMaterial({ ...(await importRequest(h.kms, KeyId, bytes)), ...extra });
}

/** An Enabled EXTERNAL key of the current profile with a first and a second, rotated, material. */
async function rotatedKey(h: Harness) {
  const first = material();
  const second = material();
  const { KeyId, KeyMaterialId: firstId } = await h.enabledKey(first);
  const secondId = (
    await importWith(h, KeyId, second, { ImportType: "NEW_KEY_MATERIAL" })
  )._unsafeUnwrap().KeyMaterialId;
  const before = (await h.kms.encrypt({ KeyId, Plaintext: Buffer.from("before") }))._unsafeUnwrap();
  expect(await h.kms.rotateKeyOnDemand({ KeyId })).toBeOk({ KeyId: arnOf(KeyId) });
  return { KeyId, first, second, firstId, secondId, before: before.CiphertextBlob };
}

const current = () => kmsHarness({ behaviour: "current" });

describe("rotation of imported key material (current profile)", () => {
  it("imports a key's first material without ImportType as new material: CurrentKeyMaterialId is its ID", async () => {
    const h = current();
    const KeyId = await h.externalKey();

    const imported = (await importWith(h, KeyId, material()))._unsafeUnwrap();

    const metadata = (await h.kms.describeKey({ KeyId }))._unsafeUnwrap().KeyMetadata;
    expect(metadata.KeyState).toBe("Enabled");
    expect(metadata.CurrentKeyMaterialId).toBe(imported.KeyMaterialId);
  });

  it("keeps new material with ImportType NEW_KEY_MATERIAL pending rotation: the key state and current material stay", async () => {
    const h = current();
    const { KeyId, KeyMaterialId } = await h.enabledKey();

    const pending = (
      await importWith(h, KeyId, material(), { ImportType: "NEW_KEY_MATERIAL" })
    )._unsafeUnwrap();

    expect(pending.KeyMaterialId).not.toBe(KeyMaterialId);
    const metadata = (await h.kms.describeKey({ KeyId }))._unsafeUnwrap().KeyMetadata;
    expect(metadata).toMatchObject({ KeyState: "Enabled", CurrentKeyMaterialId: KeyMaterialId });
  });

  it("returns KMSInvalidStateException for new material while another is pending rotation, naming both", async () => {
    const h = current();
    const { KeyId } = await h.enabledKey();
    const pending = (
      await importWith(h, KeyId, material(), { ImportType: "NEW_KEY_MATERIAL" })
    )._unsafeUnwrap().KeyMaterialId;

    const error = expectError(
      await importWith(h, KeyId, material(), { ImportType: "NEW_KEY_MATERIAL" }),
      "KMSInvalidStateException",
    );

    expect(error.message).toMatch(
      new RegExp(
        `^New key material \\(id: [0-9a-f]{64}\\) cannot be imported into KMS key ${arnOf(KeyId)}, because another key material \\(id: ${pending}\\) is pending rotation\\.$`,
      ),
    );
  });

  it("makes the pending material current on RotateKeyOnDemand; ciphertexts of each material decrypt and name it", async () => {
    const h = current();
    const { KeyId, firstId, secondId, before } = await rotatedKey(h);

    const after = (await h.kms.encrypt({ KeyId, Plaintext: Buffer.from("after") }))._unsafeUnwrap();

    expect(
      (await h.kms.describeKey({ KeyId }))._unsafeUnwrap().KeyMetadata.CurrentKeyMaterialId,
    ).toBe(secondId);
    expect(await h.kms.decrypt({ CiphertextBlob: before })).toBeOk({
      KeyId: arnOf(KeyId),
      Plaintext: new Uint8Array(Buffer.from("before")),
      EncryptionAlgorithm: "SYMMETRIC_DEFAULT",
      KeyMaterialId: firstId,
    });
    expect(
      (await h.kms.decrypt({ CiphertextBlob: after.CiphertextBlob }))._unsafeUnwrap().KeyMaterialId,
    ).toBe(secondId);
  });

  it("refuses RotateKeyOnDemand with nothing pending, for a PendingImport key and for a Disabled key", async () => {
    const h = current();
    const { KeyId } = await h.enabledKey();
    const nothing = expectError(
      await h.kms.rotateKeyOnDemand({ KeyId }),
      "KMSInvalidStateException",
    );
    expect(nothing.message).toBe(
      `No available key material pending rotation for the key: ${arnOf(KeyId)}.`,
    );
    const waiting = await h.externalKey();
    expect(
      expectError(await h.kms.rotateKeyOnDemand({ KeyId: waiting }), "KMSInvalidStateException")
        .message,
    ).toBe(`${arnOf(waiting)} is pending import.`);
    await importWith(h, KeyId, material(), { ImportType: "NEW_KEY_MATERIAL" });
    await h.kms.disableKey({ KeyId });
    expectError(await h.kms.rotateKeyOnDemand({ KeyId }), "DisabledException");
  });

  it("returns IncorrectKeyMaterialException for new material the key has, and for existing material it has not", async () => {
    const h = current();
    const first = material();
    const { KeyId, KeyMaterialId } = await h.enabledKey(first);

    expectError(
      await importWith(h, KeyId, first, { ImportType: "NEW_KEY_MATERIAL" }),
      "IncorrectKeyMaterialException",
    );
    expectError(await importWith(h, KeyId, material()), "IncorrectKeyMaterialException");
    expectError(
      await importWith(h, KeyId, first, { KeyMaterialId: "0".repeat(64) }),
      "IncorrectKeyMaterialException",
    );
    expect(await importWith(h, KeyId, first, { KeyMaterialId })).toBeOk({
      KeyId: arnOf(KeyId),
      KeyMaterialId,
    });
  });

  it("makes the key PendingImport when a non-current material is deleted, until that material is imported again", async () => {
    const h = current();
    const { KeyId, first, firstId, secondId, before } = await rotatedKey(h);

    expect(await h.kms.deleteImportedKeyMaterial({ KeyId, KeyMaterialId: firstId })).toBeOk({
      KeyId: arnOf(KeyId),
      KeyMaterialId: firstId,
    });

    const metadata = (await h.kms.describeKey({ KeyId }))._unsafeUnwrap().KeyMetadata;
    expect(metadata).toMatchObject({ KeyState: "PendingImport", CurrentKeyMaterialId: secondId });
    expectError(
      await h.kms.encrypt({ KeyId, Plaintext: Buffer.from("x") }),
      "KMSInvalidStateException",
    );
    expect(await importWith(h, KeyId, first, { ImportType: "EXISTING_KEY_MATERIAL" })).toBeOk({
      KeyId: arnOf(KeyId),
      KeyMaterialId: firstId,
    });
    expect(await h.stateOf(KeyId)).toBe("Enabled");
    expect((await h.kms.decrypt({ CiphertextBlob: before }))._unsafeUnwrap().KeyMaterialId).toBe(
      firstId,
    );
  });

  it("drops a deleted material that was pending rotation, so other new material can be imported", async () => {
    const h = current();
    const { KeyId } = await h.enabledKey();
    const pending = (
      await importWith(h, KeyId, material(), { ImportType: "NEW_KEY_MATERIAL" })
    )._unsafeUnwrap().KeyMaterialId;

    await h.kms.deleteImportedKeyMaterial({ KeyId, KeyMaterialId: pending });

    expect(await h.stateOf(KeyId)).toBe("Enabled");
    expect(await importWith(h, KeyId, material(), { ImportType: "NEW_KEY_MATERIAL" })).toBeOk(
      expect.objectContaining({ KeyId: arnOf(KeyId) }),
    );
  });

  it("makes the key PendingImport when a non-current material expires, with one audited DeleteExpiredKeyMaterial", async () => {
    const h = current();
    const first = material();
    const KeyId = await h.externalKey();
    const validTo = daysAfter(h.clock.now(), 10);
    const firstId = (
      await importWith(h, KeyId, first, {
        ExpirationModel: "KEY_MATERIAL_EXPIRES",
        ValidTo: validTo,
      })
    )._unsafeUnwrap().KeyMaterialId;
    await importWith(h, KeyId, material(), { ImportType: "NEW_KEY_MATERIAL" });
    await h.kms.rotateKeyOnDemand({ KeyId });

    h.clock.advance({ days: 10 });

    expect(await h.stateOf(KeyId)).toBe("PendingImport");
    expect(h.audit.filter((e) => e.eventName === "DeleteExpiredKeyMaterial")).toEqual([
      expect.objectContaining({
        eventTime: validTo,
        keyMaterialId: firstId,
        keyState: "PendingImport",
      }),
    ]);
  });

  it("lists rotations only by default, and every material oldest first with ALL_KEY_MATERIAL", async () => {
    const h = current();
    const { KeyId, firstId, secondId } = await rotatedKey(h);
    const third = (
      await importWith(h, KeyId, material(), {
        ImportType: "NEW_KEY_MATERIAL",
        KeyMaterialDescription: "next quarter",
      })
    )._unsafeUnwrap().KeyMaterialId;
    const arn = arnOf(KeyId);
    const rotated = {
      KeyId: arn,
      KeyMaterialId: secondId,
      ImportState: "IMPORTED",
      KeyMaterialState: "CURRENT",
      ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE",
      RotationDate: h.clock.now(),
      RotationType: "ON_DEMAND",
    };

    expect(await h.kms.listKeyRotations({ KeyId })).toBeOk({
      Rotations: [rotated],
      Truncated: false,
    });
    expect(await h.kms.listKeyRotations({ KeyId, IncludeKeyMaterial: "ALL_KEY_MATERIAL" })).toBeOk({
      Rotations: [
        {
          KeyId: arn,
          KeyMaterialId: firstId,
          ImportState: "IMPORTED",
          KeyMaterialState: "NON_CURRENT",
          ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE",
        },
        rotated,
        {
          KeyId: arn,
          KeyMaterialId: third,
          KeyMaterialDescription: "next quarter",
          ImportState: "IMPORTED",
          KeyMaterialState: "PENDING_ROTATION",
          ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE",
        },
      ],
      Truncated: false,
    });
  });

  it("pages ListKeyRotations with Limit and Marker, and refuses a marker it did not hand out", async () => {
    const h = current();
    const { KeyId } = await rotatedKey(h);

    const first = (
      await h.kms.listKeyRotations({ KeyId, IncludeKeyMaterial: "ALL_KEY_MATERIAL", Limit: 1 })
    )._unsafeUnwrap();
    expect(first).toMatchObject({ Truncated: true, NextMarker: "1" });
    const second = (
      await h.kms.listKeyRotations({ KeyId, IncludeKeyMaterial: "ALL_KEY_MATERIAL", Marker: "1" })
    )._unsafeUnwrap();

    expect(second.Rotations.map((r) => r.KeyMaterialState)).toEqual(["CURRENT"]);
    expectError(await h.kms.listKeyRotations({ KeyId, Marker: "7" }), "InvalidMarkerException");
  });

  it("returns LimitExceededException after the configured number of on-demand rotations", async () => {
    const h = kmsHarness({ behaviour: "current", onDemandRotationLimit: 1 });
    const { KeyId } = await rotatedKey(h);
    await importWith(h, KeyId, material(), { ImportType: "NEW_KEY_MATERIAL" });

    const error = expectError(await h.kms.rotateKeyOnDemand({ KeyId }), "LimitExceededException");

    expect(error.message).toBe(
      `The on-demand rotations limit has been reached for the given keyId. No more on-demand rotations can be performed for this key: ${arnOf(KeyId)}`,
    );
  });

  it("rotates an AWS_KMS key to generated material, and its earlier ciphertexts still decrypt", async () => {
    const h = current();
    const KeyId = (await h.kms.createKey())._unsafeUnwrap().KeyMetadata.KeyId;
    const before = (await h.kms.encrypt({ KeyId, Plaintext: Buffer.from("x") }))._unsafeUnwrap();
    const firstId = (await h.kms.describeKey({ KeyId }))._unsafeUnwrap().KeyMetadata
      .CurrentKeyMaterialId;

    await h.kms.rotateKeyOnDemand({ KeyId });

    const nowId = (await h.kms.describeKey({ KeyId }))._unsafeUnwrap().KeyMetadata
      .CurrentKeyMaterialId;
    expect(nowId).not.toBe(firstId);
    expect(
      (await h.kms.decrypt({ CiphertextBlob: before.CiphertextBlob }))._unsafeUnwrap()
        .KeyMaterialId,
    ).toBe(firstId);
  });
});

describe("behaviour profiles", () => {
  it("refuses RotateKeyOnDemand in the classic profile: EXTERNAL keys as AWS did before June 2025", async () => {
    const h = kmsHarness();
    const { KeyId } = await h.enabledKey();
    const aws = (await h.kms.createKey())._unsafeUnwrap().KeyMetadata.KeyId;

    expect(
      expectError(await h.kms.rotateKeyOnDemand({ KeyId }), "UnsupportedOperationException")
        .message,
    ).toBe(`${arnOf(KeyId)} origin is EXTERNAL which is not valid for this operation.`);
    expectError(await h.kms.rotateKeyOnDemand({ KeyId: aws }), "UnsupportedOperationException");
  });

  it("answers every call of a Kms whose profile differs from the one the store keeps with KMSInternalException, and stores nothing", async () => {
    const store = memoryKeyStore();
    const classic = kmsHarness({ store });
    await classic.kms.createKey();
    const other = kmsHarness({ store, behaviour: "current" });

    const error = expectError(await other.kms.createKey(), "KMSInternalException");

    expect(error.message).toContain("under the classic profile");
    expect((await classic.kms.listKeys())._unsafeUnwrap().Keys).toHaveLength(1);
  });

  it("lets a Kms of another account or Region use the other profile over the same store", async () => {
    const store = memoryKeyStore();
    await kmsHarness({ store }).kms.createKey();

    expect(
      await kmsHarness({ store, behaviour: "current", region: "eu-west-1" }).kms.createKey(),
    ).toBeOk(expect.anything());
  });
});
