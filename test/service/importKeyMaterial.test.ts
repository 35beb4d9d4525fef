import { randomBytes } from "node:crypto";
import { addDays } from "date-fns";
import { describe, expect, it } from "vitest";
import type { ImportKeyMaterialRequest } from "../../src/domain/requests/importKeyMaterial.js";
import {
  arnOf,
  expectError,
  type Harness,
  kmsHarness,
  material,
  start,
} from "../support/kmsHarness.js";

type Extra = Omit<
  Partial<ImportKeyMaterialRequest>,
  "KeyId" | "ImportToken" | "EncryptedKeyMaterial"
>;

const never = { ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE" } as const;

/** Imports `bytes` with fresh parameters and `extra` request members (material that does not expire by default). */
async function importWith(h: Harness, KeyId: string, bytes: Uint8Array, extra: Extra = never) {
  const { ImportToken, EncryptedKeyMaterial } = await h.wrapFor(KeyId, bytes);
  return h.kms.importKeyMaterial({ KeyId, ImportToken, EncryptedKeyMaterial, ...extra });
}

async function importedKey(h: Harness, bytes: Uint8Array, extra: Extra = never) {
  const KeyId = await h.externalKey();
  const { KeyMaterialId } = (await importWith(h, KeyId, bytes, extra))._unsafeUnwrap();
  return { KeyId, KeyMaterialId };
}

describe("importKeyMaterial", () => {
  it("enables a PendingImport key and returns the key ARN and a 64-hex KeyMaterialId", async () => {
    const h = kmsHarness();
    const KeyId = await h.externalKey();
    const response = (await h.importMaterial(KeyId, material()))._unsafeUnwrap();
    expect(response).toEqual({
      KeyId: arnOf(KeyId),
      KeyMaterialId: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const { KeyMetadata } = (await h.kms.describeKey({ KeyId }))._unsafeUnwrap();
    expect(KeyMetadata).toMatchObject({
      KeyState: "Enabled",
      Enabled: true,
      CurrentKeyMaterialId: response.KeyMaterialId,
    });
    expect(h.audit.at(-1)).toEqual({
      eventName: "ImportKeyMaterial",
      keyArn: arnOf(KeyId),
      eventTime: start,
      keyState: "Enabled",
      keyMaterialId: response.KeyMaterialId,
    });
  });

  it.each([16, 31, 33, 64])(
    "returns IncorrectKeyMaterialException for %i bytes and leaves the key PendingImport",
    async (length) => {
      const h = kmsHarness();
      const KeyId = await h.externalKey();
      expectError(await importWith(h, KeyId, randomBytes(length)), "IncorrectKeyMaterialException");
      expect(await h.stateOf(KeyId)).toBe("PendingImport");
      expect(h.audit.map((e) => e.eventName)).toEqual(["CreateKey", "GetParametersForImport"]);
    },
  );

  it("returns IncorrectKeyMaterialException when different material is imported into an Enabled key", async () => {
    const h = kmsHarness();
    const { KeyId } = await importedKey(h, material());
    const error = expectError(
      await importWith(h, KeyId, material()),
      "IncorrectKeyMaterialException",
    );
    expect(error.message).toContain(arnOf(KeyId));
    expect(await h.stateOf(KeyId)).toBe("Enabled");
  });

  it("returns IncorrectKeyMaterialException when different material is reimported after expiry", async () => {
    const h = kmsHarness();
    const { KeyId } = await importedKey(h, material(), { ValidTo: addDays(start, 1) });
    h.clock.advance({ days: 1 });
    expect(await h.stateOf(KeyId)).toBe("PendingImport");
    expectError(await importWith(h, KeyId, material()), "IncorrectKeyMaterialException");
    expect(await h.stateOf(KeyId)).toBe("PendingImport");
  });

  it("returns IncorrectKeyMaterialException when different material is reimported after DeleteImportedKeyMaterial", async () => {
    const h = kmsHarness();
    const { KeyId } = await importedKey(h, material());
    await h.kms.deleteImportedKeyMaterial({ KeyId });
    expectError(await importWith(h, KeyId, material()), "IncorrectKeyMaterialException");
    expect(await h.stateOf(KeyId)).toBe("PendingImport");
  });

  it("reenables a key with the same material after expiry, under the same KeyMaterialId", async () => {
    const h = kmsHarness();
    const bytes = material();
    const { KeyId, KeyMaterialId } = await importedKey(h, bytes, { ValidTo: addDays(start, 1) });
    h.clock.advance({ days: 2 });
    expect((await importWith(h, KeyId, bytes))._unsafeUnwrap().KeyMaterialId).toBe(KeyMaterialId);
    expect(await h.stateOf(KeyId)).toBe("Enabled");
  });

  it("keeps an Enabled key Enabled and replaces KEY_MATERIAL_EXPIRES by KEY_MATERIAL_DOES_NOT_EXPIRE", async () => {
    const h = kmsHarness();
    const bytes = material();
    const { KeyId, KeyMaterialId } = await importedKey(h, bytes, { ValidTo: addDays(start, 10) });
    expect((await importWith(h, KeyId, bytes, never))._unsafeUnwrap().KeyMaterialId).toBe(
      KeyMaterialId,
    );
    const { KeyMetadata } = (await h.kms.describeKey({ KeyId }))._unsafeUnwrap();
    expect(KeyMetadata).toMatchObject({
      KeyState: "Enabled",
      ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE",
    });
    expect(KeyMetadata).not.toHaveProperty("ValidTo");
    h.clock.advance({ days: 11 });
    expect(await h.stateOf(KeyId)).toBe("Enabled");
  });

  it("keeps a Disabled key Disabled and replaces ValidTo on reimport of the same material", async () => {
    const h = kmsHarness();
    const bytes = material();
    const { KeyId } = await importedKey(h, bytes);
    await h.kms.disableKey({ KeyId });
    const ValidTo = addDays(start, 3);
    expect(await importWith(h, KeyId, bytes, { ValidTo })).toBeOk();
    const { KeyMetadata } = (await h.kms.describeKey({ KeyId }))._unsafeUnwrap();
    expect(KeyMetadata).toMatchObject({
      KeyState: "Disabled",
      ExpirationModel: "KEY_MATERIAL_EXPIRES",
      ValidTo,
    });
  });

  it("gives the same material two different KeyMaterialIds in two keys", async () => {
    const h = kmsHarness();
    const bytes = material();
    const first = await importedKey(h, bytes);
    const second = await importedKey(h, bytes);
    expect(first.KeyMaterialId).not.toBe(second.KeyMaterialId);
  });

  it("returns IncorrectKeyMaterialException when the KeyMaterialId member does not match the material", async () => {
    const h = kmsHarness();
    const bytes = material();
    const { KeyId } = await importedKey(h, bytes);
    const other = (await importedKey(h, bytes)).KeyMaterialId;
    expectError(
      await importWith(h, KeyId, bytes, { ...never, KeyMaterialId: other }),
      "IncorrectKeyMaterialException",
    );
  });

  it("reimports with ImportType EXISTING_KEY_MATERIAL and the matching KeyMaterialId", async () => {
    const h = kmsHarness();
    const bytes = material();
    const { KeyId, KeyMaterialId } = await importedKey(h, bytes);
    await h.kms.deleteImportedKeyMaterial({ KeyId });
    const extra = { ...never, ImportType: "EXISTING_KEY_MATERIAL", KeyMaterialId } as const;
    expect((await importWith(h, KeyId, bytes, extra))._unsafeUnwrap().KeyMaterialId).toBe(
      KeyMaterialId,
    );
    expect(await h.stateOf(KeyId)).toBe("Enabled");
  });

  it("returns IncorrectKeyMaterialException for ImportType NEW_KEY_MATERIAL into a key that had material", async () => {
    const h = kmsHarness();
    const bytes = material();
    const { KeyId } = await importedKey(h, bytes);
    const extra = { ...never, ImportType: "NEW_KEY_MATERIAL" } as const;
    expectError(await importWith(h, KeyId, bytes, extra), "IncorrectKeyMaterialException");
  });

  it("returns IncorrectKeyMaterialException for ImportType EXISTING_KEY_MATERIAL into a new key", async () => {
    const h = kmsHarness();
    const KeyId = await h.externalKey();
    const extra = { ...never, ImportType: "EXISTING_KEY_MATERIAL" } as const;
    expectError(await importWith(h, KeyId, material(), extra), "IncorrectKeyMaterialException");
    expect(
      (await importWith(h, KeyId, material(), { ...never, ImportType: "NEW_KEY_MATERIAL" })).isOk(),
    ).toBe(true);
  });

  it('returns KMSInvalidStateException "… is pending deletion." for an import into a key pending deletion', async () => {
    const h = kmsHarness();
    const KeyId = await h.externalKey();
    const { ImportToken, EncryptedKeyMaterial } = await h.wrapFor(KeyId, material());
    await h.kms.scheduleKeyDeletion({ KeyId });
    const error = expectError(
      await h.kms.importKeyMaterial({ KeyId, ImportToken, EncryptedKeyMaterial, ...never }),
      "KMSInvalidStateException",
    );
    expect(error.message).toBe(`${arnOf(KeyId)} is pending deletion.`);
  });
});
