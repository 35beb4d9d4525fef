import { addDays } from "date-fns";
import { describe, expect, it } from "vitest";
import { validateImportKeyMaterialRequest } from "../../../src/domain/requests/importKeyMaterial.js";
import { expectError } from "../../support/kmsHarness.js";
import { arn, keyId, now, scope } from "../keyRecords.js";

const context = { scope, now };
const blob = Uint8Array.of(1, 2, 3);
const valid = {
  KeyId: keyId,
  ImportToken: blob,
  EncryptedKeyMaterial: blob,
  ValidTo: addDays(now, 30),
};

describe("validateImportKeyMaterialRequest", () => {
  it("resolves the key and the expiry of a valid request", () => {
    expect(validateImportKeyMaterialRequest(valid, context)._unsafeUnwrap()).toEqual({
      arn,
      importToken: blob,
      encryptedKeyMaterial: blob,
      validTo: valid.ValidTo,
      importType: undefined,
      keyMaterialId: undefined,
    });
  });

  it("lists every missing required member in one ValidationException", () => {
    const error = expectError(validateImportKeyMaterialRequest({}, context), "ValidationException");
    expect(error.message).toBe(
      "3 validation errors detected: " +
        "Value null at 'keyId' failed to satisfy constraint: Member must not be null; " +
        "Value null at 'importToken' failed to satisfy constraint: Member must not be null; " +
        "Value null at 'encryptedKeyMaterial' failed to satisfy constraint: Member must not be null",
    );
  });

  it("omits blob values from length violations", () => {
    const request = {
      ...valid,
      ImportToken: new Uint8Array(0),
      EncryptedKeyMaterial: new Uint8Array(6145),
    };
    const error = expectError(
      validateImportKeyMaterialRequest(request, context),
      "ValidationException",
    );
    expect(error.message).toBe(
      "2 validation errors detected: " +
        "Value at 'importToken' failed to satisfy constraint: Member must have length greater than or equal to 1; " +
        "Value at 'encryptedKeyMaterial' failed to satisfy constraint: Member must have length less than or equal to 6144",
    );
  });

  it("returns the exact message of decision 8 when ValidTo is missing", () => {
    const { ValidTo: _, ...request } = valid;
    const error = expectError(
      validateImportKeyMaterialRequest(request, context),
      "ValidationException",
    );
    expect(error.message).toBe(
      "A validTo date must be set if the ExpirationModel is KEY_MATERIAL_EXPIRES",
    );
  });

  it("returns ValidationException for ValidTo with KEY_MATERIAL_DOES_NOT_EXPIRE", () => {
    const request = { ...valid, ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE" };
    expectError(validateImportKeyMaterialRequest(request, context), "ValidationException");
  });

  it("returns ValidationException for KeyMaterialId with ImportType NEW_KEY_MATERIAL", () => {
    const request = { ...valid, ImportType: "NEW_KEY_MATERIAL", KeyMaterialId: "a".repeat(64) };
    const error = expectError(
      validateImportKeyMaterialRequest(request, context),
      "ValidationException",
    );
    expect(error.message).toBe(
      "KeyMaterialId cannot be specified when ImportType is NEW_KEY_MATERIAL",
    );
  });

  it.each(["A".repeat(64), "a".repeat(63)])(
    "returns ValidationException for the KeyMaterialId %s",
    (id) => {
      expectError(
        validateImportKeyMaterialRequest({ ...valid, KeyMaterialId: id }, context),
        "ValidationException",
      );
    },
  );

  it("returns ValidationException for an unknown ImportType", () => {
    const error = expectError(
      validateImportKeyMaterialRequest({ ...valid, ImportType: "ROTATE" }, context),
      "ValidationException",
    );
    expect(error.message).toBe(
      "1 validation error detected: Value 'ROTATE' at 'importType' failed to satisfy constraint: " +
        "Member must satisfy enum value set: [NEW_KEY_MATERIAL, EXISTING_KEY_MATERIAL]",
    );
  });

  it("returns SerializationException for an ImportToken given as a string", () => {
    expectError(
      validateImportKeyMaterialRequest({ ...valid, ImportToken: "dG9rZW4=" }, context),
      "SerializationException",
    );
  });

  it("refuses an alias with InvalidArnException", () => {
    const error = expectError(
      validateImportKeyMaterialRequest({ ...valid, KeyId: "alias/x" }, context),
      "InvalidArnException",
    );
    expect(error.message).toBe("Key Aliases are not supported for this operation.");
  });
});
