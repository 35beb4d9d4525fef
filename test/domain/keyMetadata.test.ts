import { addDays } from "date-fns";
import { describe, expect, it } from "vitest";
import { keyMetadata } from "../../src/domain/keyMetadata.js";
import {
  arn,
  keyId,
  keyMaterial,
  keyWithMaterial,
  materialIdA,
  now,
  pendingDeletionKey,
  pendingImportKey,
} from "./keyRecords.js";

const validTo = addDays(now, 30);

describe("keyMetadata", () => {
  it("renders a new EXTERNAL key as AWS does, without ExpirationModel, ValidTo or material ID", () => {
    expect(keyMetadata(pendingImportKey())).toStrictEqual({
      AWSAccountId: "111122223333",
      KeyId: keyId,
      Arn: arn,
      CreationDate: now,
      Enabled: false,
      Description: "",
      KeyUsage: "ENCRYPT_DECRYPT",
      KeyState: "PendingImport",
      Origin: "EXTERNAL",
      KeyManager: "CUSTOMER",
      CustomerMasterKeySpec: "SYMMETRIC_DEFAULT",
      KeySpec: "SYMMETRIC_DEFAULT",
      EncryptionAlgorithms: ["SYMMETRIC_DEFAULT"],
      MultiRegion: false,
    });
  });

  it("shows KEY_MATERIAL_EXPIRES, ValidTo and CurrentKeyMaterialId for expiring material", () => {
    const metadata = keyMetadata(keyWithMaterial("Enabled", keyMaterial(materialIdA, validTo)));
    expect(metadata).toMatchObject({
      Enabled: true,
      KeyState: "Enabled",
      ExpirationModel: "KEY_MATERIAL_EXPIRES",
      ValidTo: validTo,
      CurrentKeyMaterialId: materialIdA,
    });
  });

  it("shows KEY_MATERIAL_DOES_NOT_EXPIRE and no ValidTo for material that does not expire", () => {
    const metadata = keyMetadata(keyWithMaterial("Enabled", keyMaterial(materialIdA)));
    expect(metadata.ExpirationModel).toBe("KEY_MATERIAL_DOES_NOT_EXPIRE");
    expect(metadata).not.toHaveProperty("ValidTo");
  });

  it("is Enabled false for a Disabled key that holds material", () => {
    const metadata = keyMetadata(keyWithMaterial("Disabled", keyMaterial(materialIdA, validTo)));
    expect(metadata).toMatchObject({ Enabled: false, KeyState: "Disabled", ValidTo: validTo });
  });

  it("keeps CurrentKeyMaterialId but drops ExpirationModel and ValidTo after the material is gone", () => {
    const metadata = keyMetadata(pendingImportKey(materialIdA));
    expect(metadata.CurrentKeyMaterialId).toBe(materialIdA);
    expect(metadata).not.toHaveProperty("ExpirationModel");
    expect(metadata).not.toHaveProperty("ValidTo");
    expect(metadata.Enabled).toBe(false);
  });

  it("shows DeletionDate only while pending deletion", () => {
    const deletionDate = addDays(now, 7);
    const pending = keyMetadata(
      pendingDeletionKey(deletionDate, keyMaterial(materialIdA, validTo)),
    );
    expect(pending).toMatchObject({
      KeyState: "PendingDeletion",
      Enabled: false,
      DeletionDate: deletionDate,
      ValidTo: validTo,
    });
    expect(keyMetadata(keyWithMaterial("Enabled"))).not.toHaveProperty("DeletionDate");
  });

  it("renders an AWS_KMS key Enabled with its material ID and no ExpirationModel", () => {
    const metadata = keyMetadata({ ...keyWithMaterial("Enabled"), origin: "AWS_KMS" });
    expect(metadata).toMatchObject({
      Origin: "AWS_KMS",
      Enabled: true,
      CurrentKeyMaterialId: materialIdA,
    });
    expect(metadata).not.toHaveProperty("ExpirationModel");
  });
});
