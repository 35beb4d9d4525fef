import { createPublicKey } from "node:crypto";
import {
  CancelKeyDeletionCommand,
  CreateKeyCommand,
  DecryptCommand,
  DeleteImportedKeyMaterialCommand,
  DisabledException,
  DisableKeyCommand,
  EnableKeyCommand,
  EncryptCommand,
  GenerateDataKeyCommand,
  GenerateDataKeyWithoutPlaintextCommand,
  IncorrectKeyMaterialException,
  InvalidCiphertextException,
  type KeyListEntry,
  KMSInvalidStateException,
  ListKeysCommand,
  ScheduleKeyDeletionCommand,
} from "@aws-sdk/client-kms";
import { addDays, addHours, addMilliseconds } from "date-fns";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { manualClock } from "../../src/testing/manualClock.js";
import { type KmsEndpoint, sdkClient, startKmsEndpoint } from "../support/kmsEndpoint.js";
import {
  arnOf,
  type ImportParameters,
  newMaterial,
  rejection,
  sdkImports,
} from "./support/sdkImports.js";

// One key's whole life, step by step, through @aws-sdk/client-kms against the local endpoint
// with its production crypto (nodeCrypto: a fresh RSA key pair per parameter set). The steps
// run in order and share the key.

const start = new Date("2026-03-01T12:00:00.000Z");
const clock = manualClock(start);
let endpoint: KmsEndpoint;
let kit: ReturnType<typeof sdkImports>;

beforeAll(async () => {
  endpoint = await startKmsEndpoint({ clock });
  kit = sdkImports(sdkClient(endpoint.url), clock);
});

afterAll(async () => {
  kit.client.destroy();
  await endpoint.close();
});

const material = newMaterial();
const context = { purpose: "lifecycle test", tenant: "42" };
const plaintext = new TextEncoder().encode("attack at dawn");
let keyId: string;
let arn: string;
let params: ImportParameters;
let keyMaterialId: string;
let validTo: Date;
let ciphertext: Uint8Array;

const encrypt = () =>
  kit.client.send(
    new EncryptCommand({ KeyId: keyId, Plaintext: plaintext, EncryptionContext: context }),
  );
const decrypt = (CiphertextBlob: Uint8Array, EncryptionContext = context) =>
  kit.client.send(new DecryptCommand({ CiphertextBlob, EncryptionContext }));

describe("a key with imported material, through @aws-sdk/client-kms", () => {
  it("CreateKey with Origin EXTERNAL makes a PendingImport key without CurrentKeyMaterialId", async () => {
    const { KeyMetadata } = await kit.client.send(
      new CreateKeyCommand({ Origin: "EXTERNAL", Description: "seed" }),
    );
    keyId = KeyMetadata?.KeyId ?? "";
    arn = arnOf(keyId);
    expect(KeyMetadata).toEqual({
      AWSAccountId: "111122223333",
      KeyId: keyId,
      Arn: arn,
      CreationDate: start,
      Enabled: false,
      Description: "seed",
      KeyUsage: "ENCRYPT_DECRYPT",
      KeyState: "PendingImport",
      Origin: "EXTERNAL",
      KeyManager: "CUSTOMER",
      CustomerMasterKeySpec: "SYMMETRIC_DEFAULT",
      KeySpec: "SYMMETRIC_DEFAULT",
      EncryptionAlgorithms: ["SYMMETRIC_DEFAULT"],
      MultiRegion: false,
    });
    expect(KeyMetadata?.CreationDate).toBeInstanceOf(Date);
    expect(await kit.describe(keyId)).toEqual(KeyMetadata);
  });

  it("GetParametersForImport answers with the key ARN, a token valid 24 hours and the DER public key of an RSA key of the asked size", async () => {
    params = await kit.parameters(keyId, {
      WrappingAlgorithm: "RSA_AES_KEY_WRAP_SHA_256",
      WrappingKeySpec: "RSA_3072",
    });
    expect(params.KeyId).toBe(arn);
    expect(params.ParametersValidTo).toBeInstanceOf(Date);
    expect(params.ParametersValidTo).toEqual(addHours(start, 24));
    expect(params.ImportToken).toBeInstanceOf(Uint8Array);
    expect(params.ImportToken.byteLength).toBeGreaterThan(0);
    expect(params.PublicKey).toBeInstanceOf(Uint8Array);
    const publicKey = createPublicKey({
      key: Buffer.from(params.PublicKey),
      format: "der",
      type: "spki",
    });
    expect(publicKey.asymmetricKeyType).toBe("rsa");
    expect(publicKey.asymmetricKeyDetails?.modulusLength).toBe(3072);
    expect(publicKey.export({ format: "der", type: "spki" })).toEqual(
      Buffer.from(params.PublicKey),
    );
  });

  it("ImportKeyMaterial with KEY_MATERIAL_EXPIRES answers with the key ARN and a 64-hex KeyMaterialId", async () => {
    validTo = addMilliseconds(addDays(clock.now(), 30), 250);
    const imported = await kit.importMaterial(keyId, params, material, {
      ExpirationModel: "KEY_MATERIAL_EXPIRES",
      ValidTo: validTo,
    });
    expect(imported.KeyId).toBe(arn);
    expect(imported.KeyMaterialId).toMatch(/^[0-9a-f]{64}$/);
    keyMaterialId = imported.KeyMaterialId ?? "";
  });

  it("DescribeKey then shows the key Enabled, with its ValidTo, ExpirationModel and CurrentKeyMaterialId", async () => {
    const metadata = await kit.describe(keyId);
    expect(metadata).toMatchObject({
      KeyState: "Enabled",
      Enabled: true,
      ExpirationModel: "KEY_MATERIAL_EXPIRES",
      CurrentKeyMaterialId: keyMaterialId,
    });
    expect(metadata.ValidTo).toBeInstanceOf(Date);
    expect(metadata.ValidTo).toEqual(validTo);
  });

  it("Encrypt and Decrypt round-trip a plaintext under an EncryptionContext", async () => {
    const encrypted = await encrypt();
    expect(encrypted.KeyId).toBe(arn);
    expect(encrypted.EncryptionAlgorithm).toBe("SYMMETRIC_DEFAULT");
    expect(encrypted.CiphertextBlob).toBeInstanceOf(Uint8Array);
    ciphertext = encrypted.CiphertextBlob ?? new Uint8Array();
    expect(ciphertext.byteLength).toBe(plaintext.byteLength + 77);

    const decrypted = await decrypt(ciphertext);
    expect(decrypted.KeyId).toBe(arn);
    expect(decrypted.EncryptionAlgorithm).toBe("SYMMETRIC_DEFAULT");
    expect(decrypted.Plaintext).toBeInstanceOf(Uint8Array);
    expect(decrypted.Plaintext).toEqual(plaintext);
  });

  it("Decrypt with another EncryptionContext fails with InvalidCiphertextException", async () => {
    const error = await rejection(decrypt(ciphertext, { ...context, tenant: "43" }));
    expect(error).toBeInstanceOf(InvalidCiphertextException);
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it("GenerateDataKey returns a data key whose CiphertextBlob decrypts to its Plaintext", async () => {
    const dataKey = await kit.client.send(
      new GenerateDataKeyCommand({ KeyId: keyId, KeySpec: "AES_256", EncryptionContext: context }),
    );
    expect(dataKey.KeyId).toBe(arn);
    expect(dataKey.Plaintext).toBeInstanceOf(Uint8Array);
    expect(dataKey.Plaintext?.byteLength).toBe(32);
    expect(dataKey.CiphertextBlob).toBeInstanceOf(Uint8Array);
    const decrypted = await decrypt(dataKey.CiphertextBlob ?? new Uint8Array());
    expect(decrypted.Plaintext).toEqual(dataKey.Plaintext);
  });

  it("GenerateDataKeyWithoutPlaintext returns only a CiphertextBlob, which decrypts to a data key of the asked size", async () => {
    const dataKey = await kit.client.send(
      new GenerateDataKeyWithoutPlaintextCommand({
        KeyId: arn,
        NumberOfBytes: 64,
        EncryptionContext: context,
      }),
    );
    expect(dataKey.KeyId).toBe(arn);
    expect(dataKey).not.toHaveProperty("Plaintext");
    const decrypted = await decrypt(dataKey.CiphertextBlob ?? new Uint8Array());
    expect(decrypted.Plaintext?.byteLength).toBe(64);
  });

  it("DisableKey makes Encrypt fail with DisabledException until EnableKey", async () => {
    await kit.client.send(new DisableKeyCommand({ KeyId: keyId }));
    expect(await kit.describe(keyId)).toMatchObject({ KeyState: "Disabled", Enabled: false });
    const error = await rejection(encrypt());
    expect(error).toBeInstanceOf(DisabledException);
    expect(error.message).toBe(`${arn} is disabled.`);
    expect(error.$metadata.httpStatusCode).toBe(400);

    await kit.client.send(new EnableKeyCommand({ KeyId: keyId }));
    expect(await kit.describe(keyId)).toMatchObject({ KeyState: "Enabled", Enabled: true });
    expect((await encrypt()).KeyId).toBe(arn);
  });

  it("ListKeys pages through every key with Limit and Marker", async () => {
    const others = [
      await kit.createKey(),
      await kit.createKey("AWS_KMS"),
      await kit.createKey(),
      await kit.createKey("AWS_KMS"),
    ];
    const listed: KeyListEntry[] = [];
    let Marker: string | undefined;
    let pages = 0;
    do {
      const page = await kit.client.send(new ListKeysCommand({ Limit: 2, Marker }));
      pages += 1;
      expect(page.Keys?.length).toBeLessThanOrEqual(2);
      listed.push(...(page.Keys ?? []));
      expect(page.Truncated).toBe(page.NextMarker !== undefined);
      Marker = page.NextMarker;
    } while (Marker !== undefined);

    const expected = [keyId, ...others].map((id) => ({ KeyId: id, KeyArn: arnOf(id) }));
    expect(pages).toBe(3);
    expect(listed).toHaveLength(expected.length);
    expect(listed).toEqual(expect.arrayContaining(expected));
  });

  it("stays Enabled until ValidTo; at ValidTo the key is PendingImport and Encrypt fails with KMSInvalidStateException", async () => {
    clock.set(addMilliseconds(validTo, -1));
    expect((await kit.describe(keyId)).KeyState).toBe("Enabled");
    expect((await encrypt()).KeyId).toBe(arn);

    clock.set(validTo);
    const error = await rejection(encrypt());
    expect(error).toBeInstanceOf(KMSInvalidStateException);
    expect(error.message).toBe(`${arn} is pending import.`);
    expect(error.$metadata.httpStatusCode).toBe(400);
    const metadata = await kit.describe(keyId);
    expect(metadata).toMatchObject({
      KeyState: "PendingImport",
      Enabled: false,
      CurrentKeyMaterialId: keyMaterialId,
    });
    expect(metadata).not.toHaveProperty("ValidTo");
    expect(metadata).not.toHaveProperty("ExpirationModel");
  });

  it("reimporting the same material with fresh parameters enables the key again, and old ciphertexts decrypt", async () => {
    const fresh = await kit.parameters(keyId);
    expect(fresh.PublicKey).not.toEqual(params.PublicKey);
    expect(fresh.ParametersValidTo).toEqual(addHours(clock.now(), 24));
    validTo = addDays(clock.now(), 60);
    const reimported = await kit.importMaterial(keyId, fresh, material, {
      ValidTo: validTo,
      ImportType: "EXISTING_KEY_MATERIAL",
      KeyMaterialId: keyMaterialId,
    });
    expect(reimported).toMatchObject({ KeyId: arn, KeyMaterialId: keyMaterialId });
    const metadata = await kit.describe(keyId);
    expect(metadata).toMatchObject({ KeyState: "Enabled", CurrentKeyMaterialId: keyMaterialId });
    expect(metadata.ValidTo).toEqual(validTo);
    expect((await decrypt(ciphertext)).Plaintext).toEqual(plaintext);
  });

  it("different material fails with IncorrectKeyMaterialException and leaves the key as it was", async () => {
    const fresh = await kit.parameters(keyId);
    const error = await kit.failsUnchanged(keyId, () =>
      kit.importMaterial(keyId, fresh, newMaterial()),
    );
    expect(error).toBeInstanceOf(IncorrectKeyMaterialException);
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it("DeleteImportedKeyMaterial returns the key to PendingImport and keeps its CurrentKeyMaterialId", async () => {
    const deleted = await kit.client.send(
      new DeleteImportedKeyMaterialCommand({ KeyId: keyId, KeyMaterialId: keyMaterialId }),
    );
    expect(deleted).toMatchObject({ KeyId: arn, KeyMaterialId: keyMaterialId });
    const metadata = await kit.describe(keyId);
    expect(metadata).toMatchObject({
      KeyState: "PendingImport",
      Enabled: false,
      CurrentKeyMaterialId: keyMaterialId,
    });
    expect(metadata).not.toHaveProperty("ValidTo");
    expect((await rejection(decrypt(ciphertext))).name).toBe("KMSInvalidStateException");
  });

  it("ScheduleKeyDeletion puts the key in PendingDeletion with its DeletionDate", async () => {
    const scheduled = await kit.client.send(
      new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 7 }),
    );
    const deletionDate = addDays(clock.now(), 7);
    expect(scheduled).toMatchObject({
      KeyId: arn,
      KeyState: "PendingDeletion",
      PendingWindowInDays: 7,
    });
    expect(scheduled.DeletionDate).toBeInstanceOf(Date);
    expect(scheduled.DeletionDate).toEqual(deletionDate);
    const metadata = await kit.describe(keyId);
    expect(metadata.KeyState).toBe("PendingDeletion");
    expect(metadata.DeletionDate).toEqual(deletionDate);
  });

  it("CancelKeyDeletion brings the key without material back to PendingImport", async () => {
    const cancelled = await kit.client.send(new CancelKeyDeletionCommand({ KeyId: keyId }));
    expect(cancelled.KeyId).toBe(arn);
    const metadata = await kit.describe(keyId);
    expect(metadata.KeyState).toBe("PendingImport");
    expect(metadata).not.toHaveProperty("DeletionDate");
  });

  it("an import with KEY_MATERIAL_DOES_NOT_EXPIRE enables the key for good", async () => {
    const imported = await kit.importMaterial(keyId, await kit.parameters(keyId), material, {
      ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE",
      ValidTo: undefined,
    });
    expect(imported).toMatchObject({ KeyId: arn, KeyMaterialId: keyMaterialId });
    clock.advance({ days: 400 });
    const metadata = await kit.describe(keyId);
    expect(metadata).toMatchObject({
      KeyState: "Enabled",
      ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE",
    });
    expect(metadata).not.toHaveProperty("ValidTo");
    expect((await decrypt(ciphertext)).Plaintext).toEqual(plaintext);
  });
});
