import { addDays } from "date-fns";
import { describe, expect, it } from "vitest";
import type { ImportKeyMaterialRequest } from "../../src/domain/requests/importKeyMaterial.js";
import { expectError, kmsHarness, material, start } from "../support/kmsHarness.js";

type Expiry = Pick<ImportKeyMaterialRequest, "ValidTo" | "ExpirationModel">;

const dayMs = 24 * 60 * 60 * 1000;
const at = (ms: number) => new Date(start.getTime() + ms);

async function importing(expiry: Expiry) {
  const h = kmsHarness();
  const KeyId = await h.externalKey();
  const { ImportToken, EncryptedKeyMaterial } = await h.wrapFor(KeyId, material());
  const result = await h.kms.importKeyMaterial({
    KeyId,
    ImportToken,
    EncryptedKeyMaterial,
    ...expiry,
  });
  return { h, KeyId, result };
}

describe("importKeyMaterial", () => {
  it("returns ValidationException with AWS's message when ValidTo is missing", async () => {
    const { h, KeyId, result } = await importing({});
    const error = expectError(result, "ValidationException");
    expect(error.message).toBe(
      "A validTo date must be set if the ExpirationModel is KEY_MATERIAL_EXPIRES",
    );
    expect(await h.stateOf(KeyId)).toBe("PendingImport");
  });

  it("returns ValidationException when ValidTo is missing with KEY_MATERIAL_EXPIRES", async () => {
    const { result } = await importing({ ExpirationModel: "KEY_MATERIAL_EXPIRES" });
    const error = expectError(result, "ValidationException");
    expect(error.message).toBe(
      "A validTo date must be set if the ExpirationModel is KEY_MATERIAL_EXPIRES",
    );
  });

  it("returns ValidationException when ValidTo is set with KEY_MATERIAL_DOES_NOT_EXPIRE", async () => {
    const { result } = await importing({
      ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE",
      ValidTo: addDays(start, 1),
    });
    expectError(result, "ValidationException");
  });

  it.each([
    ["the time of the request", 0],
    ["1 ms in the past", -1],
    ["a day in the past", -dayMs],
    ["365 days and 1 ms after the request", 365 * dayMs + 1],
  ])("returns ValidationException when ValidTo is %s", async (_, offset) => {
    const { h, KeyId, result } = await importing({ ValidTo: at(offset) });
    expectError(result, "ValidationException");
    expect(await h.stateOf(KeyId)).toBe("PendingImport");
  });

  it("accepts ValidTo exactly 365 days after the request", async () => {
    const { h, KeyId, result } = await importing({ ValidTo: at(365 * dayMs) });
    expect(result).toBeOk();
    expect((await h.kms.describeKey({ KeyId }))._unsafeUnwrap().KeyMetadata.ValidTo).toEqual(
      at(365 * dayMs),
    );
  });

  it("checks ValidTo against the time of the import, not of GetParametersForImport", async () => {
    const h = kmsHarness();
    const KeyId = await h.externalKey();
    const { ImportToken, EncryptedKeyMaterial } = await h.wrapFor(KeyId, material());
    h.clock.advance({ hours: 2 });
    const ValidTo = at(dayMs);
    expect(
      (await h.kms.importKeyMaterial({ KeyId, ImportToken, EncryptedKeyMaterial, ValidTo })).isOk(),
    ).toBe(true);
    const late = await h.wrapFor(KeyId, material());
    h.clock.set(ValidTo);
    const again = {
      KeyId,
      ImportToken: late.ImportToken,
      EncryptedKeyMaterial: late.EncryptedKeyMaterial,
      ValidTo,
    };
    expectError(await h.kms.importKeyMaterial(again), "ValidationException");
  });

  it("keeps the key Enabled 1 ms before ValidTo and moves it to PendingImport exactly at ValidTo", async () => {
    const ValidTo = at(dayMs);
    const { h, KeyId } = await importing({ ValidTo });
    h.clock.set(new Date(ValidTo.getTime() - 1));
    expect(await h.stateOf(KeyId)).toBe("Enabled");
    h.clock.set(ValidTo);
    expect(await h.stateOf(KeyId)).toBe("PendingImport");
  });

  it("moves a Disabled key to PendingImport when its material expires", async () => {
    const ValidTo = at(dayMs);
    const { h, KeyId } = await importing({ ValidTo });
    await h.kms.disableKey({ KeyId });
    h.clock.set(ValidTo);
    expect(await h.stateOf(KeyId)).toBe("PendingImport");
  });

  it("keeps a key pending deletion PendingDeletion when its material expires, and cancels to PendingImport", async () => {
    const ValidTo = at(dayMs);
    const { h, KeyId } = await importing({ ValidTo });
    await h.kms.scheduleKeyDeletion({ KeyId, PendingWindowInDays: 7 });
    h.clock.set(ValidTo);
    expect(await h.stateOf(KeyId)).toBe("PendingDeletion");
    expect(await h.kms.cancelKeyDeletion({ KeyId })).toBeOk();
    expect(await h.stateOf(KeyId)).toBe("PendingImport");
  });

  it("never expires material imported with KEY_MATERIAL_DOES_NOT_EXPIRE", async () => {
    const { h, KeyId } = await importing({ ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE" });
    h.clock.advance({ days: 3650 });
    expect(await h.stateOf(KeyId)).toBe("Enabled");
  });
});
