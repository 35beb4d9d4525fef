import { describe, expect, it } from "vitest";
import type { CreateKeyRequest } from "../../src/domain/requests/createKey.js";
import { expectError, kmsHarness, start } from "../support/kmsHarness.js";

const unsupported: CreateKeyRequest[] = [
  { KeySpec: "RSA_2048" },
  { KeySpec: "ECC_NIST_P384" },
  { KeySpec: "HMAC_512" },
  { KeySpec: "ML_DSA_65" },
  { CustomerMasterKeySpec: "RSA_3072" },
  { KeyUsage: "SIGN_VERIFY" },
  { KeyUsage: "GENERATE_VERIFY_MAC" },
  { KeyUsage: "KEY_AGREEMENT" },
  { Origin: "AWS_CLOUDHSM" },
  { Origin: "EXTERNAL_KEY_STORE" },
  { Origin: "EXTERNAL", CustomKeyStoreId: "cks-1234567890abcdef0" },
  { Origin: "EXTERNAL", XksKeyId: "ext-key-1" },
  { Origin: "EXTERNAL", MultiRegion: true },
  { MultiRegion: true },
];

describe("createKey", () => {
  it("creates an EXTERNAL key in PendingImport, described as AWS does", async () => {
    const h = kmsHarness();
    const { KeyMetadata } = (
      await h.kms.createKey({ Origin: "EXTERNAL", Description: "mine" })
    )._unsafeUnwrap();
    expect(KeyMetadata).toStrictEqual({
      AWSAccountId: "111122223333",
      KeyId: KeyMetadata.KeyId,
      Arn: `arn:aws:kms:us-east-1:111122223333:key/${KeyMetadata.KeyId}`,
      CreationDate: start,
      Enabled: false,
      Description: "mine",
      KeyUsage: "ENCRYPT_DECRYPT",
      KeyState: "PendingImport",
      Origin: "EXTERNAL",
      KeyManager: "CUSTOMER",
      CustomerMasterKeySpec: "SYMMETRIC_DEFAULT",
      KeySpec: "SYMMETRIC_DEFAULT",
      EncryptionAlgorithms: ["SYMMETRIC_DEFAULT"],
      MultiRegion: false,
    });
    expect(KeyMetadata.KeyId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
  });

  it("creates an AWS_KMS key, by default, Enabled with a CurrentKeyMaterialId", async () => {
    const h = kmsHarness();
    const { KeyMetadata } = (await h.kms.createKey())._unsafeUnwrap();
    expect(KeyMetadata).toMatchObject({ Origin: "AWS_KMS", KeyState: "Enabled", Enabled: true });
    expect(KeyMetadata.CurrentKeyMaterialId).toMatch(/^[0-9a-f]{64}$/);
    expect(KeyMetadata).not.toHaveProperty("ExpirationModel");
  });

  it("records one CreateKey event", async () => {
    const h = kmsHarness();
    const KeyId = await h.externalKey();
    expect(h.audit).toEqual([
      {
        eventName: "CreateKey",
        keyArn: `arn:aws:kms:us-east-1:111122223333:key/${KeyId}`,
        eventTime: start,
        keyState: "PendingImport",
      },
    ]);
  });

  it.each(unsupported)(
    "returns UnsupportedOperationException for %j and stores nothing",
    async (request) => {
      const h = kmsHarness();
      expectError(await h.kms.createKey(request), "UnsupportedOperationException");
      expect((await h.kms.listKeys())._unsafeUnwrap().Keys).toEqual([]);
      expect(h.audit).toEqual([]);
    },
  );

  it("returns ValidationException when both KeySpec and CustomerMasterKeySpec are given", async () => {
    const h = kmsHarness();
    const request = {
      KeySpec: "SYMMETRIC_DEFAULT",
      CustomerMasterKeySpec: "SYMMETRIC_DEFAULT",
    } as const;
    expectError(await h.kms.createKey(request), "ValidationException");
  });

  it("returns ValidationException for an unknown KeySpec", async () => {
    const h = kmsHarness();
    const error = expectError(
      await h.kms.createKey({ KeySpec: "AES_256" } as never),
      "ValidationException",
    );
    expect(error.message).toMatch(
      /^1 validation error detected: Value 'AES_256' at 'keySpec' failed to satisfy constraint: Member must satisfy enum value set: \[/,
    );
  });

  it("returns SerializationException for a request that is not an object", async () => {
    const h = kmsHarness();
    expectError(await h.kms.createKey("EXTERNAL" as never), "SerializationException");
  });

  it.each([
    [
      "GetParametersForImport",
      (h: ReturnType<typeof kmsHarness>, KeyId: string) =>
        h.kms.getParametersForImport({
          KeyId,
          WrappingAlgorithm: "RSAES_OAEP_SHA_256",
          WrappingKeySpec: "RSA_2048",
        }),
    ],
    [
      "DeleteImportedKeyMaterial",
      (h: ReturnType<typeof kmsHarness>, KeyId: string) =>
        h.kms.deleteImportedKeyMaterial({ KeyId }),
    ],
  ])(
    "makes %s on the AWS_KMS key fail with AWS's UnsupportedOperationException",
    async (_, call) => {
      const h = kmsHarness();
      const { KeyId, Arn } = (await h.kms.createKey({ Origin: "AWS_KMS" }))._unsafeUnwrap()
        .KeyMetadata;
      const error = expectError(await call(h, KeyId), "UnsupportedOperationException");
      expect(error.message).toBe(`${Arn} origin is AWS_KMS which is not valid for this operation.`);
    },
  );

  it("checks the key before the token: ImportKeyMaterial on the AWS_KMS key with a garbage token is UnsupportedOperationException", async () => {
    const h = kmsHarness();
    const { KeyId } = (await h.kms.createKey())._unsafeUnwrap().KeyMetadata;
    const request = {
      KeyId,
      ImportToken: new Uint8Array(64),
      EncryptedKeyMaterial: new Uint8Array(256),
      ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE",
    } as const;

    expectError(await h.kms.importKeyMaterial(request), "UnsupportedOperationException");
  });

  it("makes ImportKeyMaterial on the AWS_KMS key fail with AWS's UnsupportedOperationException", async () => {
    const h = kmsHarness();
    const { KeyId, Arn } = (await h.kms.createKey())._unsafeUnwrap().KeyMetadata;
    const { ImportToken, EncryptedKeyMaterial } = await h.wrapFor(
      await h.externalKey(),
      Buffer.alloc(32, 7),
    );
    const request = {
      KeyId,
      ImportToken,
      EncryptedKeyMaterial,
      ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE",
    } as const;
    const error = expectError(
      await h.kms.importKeyMaterial(request),
      "UnsupportedOperationException",
    );
    expect(error.message).toBe(`${Arn} origin is AWS_KMS which is not valid for this operation.`);
  });
});
