import { describe, expect, it } from "vitest";
import { storeSnapshot } from "../properties/storeSnapshot.js";
import { arnOf, expectError, type Harness, kmsHarness, material } from "../support/kmsHarness.js";

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");
const operations = ["generateDataKey", "generateDataKeyWithoutPlaintext"] as const;

/** An EXTERNAL key with fresh material that does not expire, and that material's ID. */
describe("generateDataKey", () => {
  it.each([
    [{ KeySpec: "AES_256" } as const, 32],
    [{ KeySpec: "AES_128" } as const, 16],
    [{ NumberOfBytes: 1 }, 1],
    [{ NumberOfBytes: 7 }, 7],
    [{ NumberOfBytes: 1024 }, 1024],
  ])("returns a data key of the requested size for %j", async (size, bytes) => {
    const h = kmsHarness();
    const { KeyId } = await h.enabledKey();
    const response = (await h.kms.generateDataKey({ KeyId, ...size }))._unsafeUnwrap();
    expect(response.Plaintext).toHaveLength(bytes);
  });

  it("answers with the ciphertext, the data key, the key ARN and the KeyMaterialId, and nothing else", async () => {
    const h = kmsHarness();
    const { KeyId, KeyMaterialId } = await h.enabledKey();
    const response = (await h.kms.generateDataKey({ KeyId, KeySpec: "AES_256" }))._unsafeUnwrap();
    expect(Object.keys(response).sort()).toEqual([
      "CiphertextBlob",
      "KeyId",
      "KeyMaterialId",
      "Plaintext",
    ]);
    expect(response.KeyId).toBe(arnOf(KeyId));
    expect(response.KeyMaterialId).toBe(KeyMaterialId);
  });

  it("returns a ciphertext that Decrypt turns into the returned data key, with the same context", async () => {
    const h = kmsHarness();
    const { KeyId } = await h.enabledKey();
    const EncryptionContext = { bucket: "logs", object: "2026/03/01" };
    const { Plaintext, CiphertextBlob } = (
      await h.kms.generateDataKey({ KeyId, KeySpec: "AES_256", EncryptionContext })
    )._unsafeUnwrap();
    const decrypted = (await h.kms.decrypt({ CiphertextBlob, EncryptionContext }))._unsafeUnwrap();
    expect(hex(decrypted.Plaintext)).toBe(hex(Plaintext));
    expectError(await h.kms.decrypt({ CiphertextBlob }), "InvalidCiphertextException");
  });

  it("returns a different data key each time", async () => {
    const h = kmsHarness();
    const { KeyId } = await h.enabledKey();
    const first = (await h.kms.generateDataKey({ KeyId, KeySpec: "AES_256" }))._unsafeUnwrap();
    const second = (await h.kms.generateDataKey({ KeyId, KeySpec: "AES_256" }))._unsafeUnwrap();
    expect(hex(first.Plaintext)).not.toBe(hex(second.Plaintext));
  });

  it("works under an AWS_KMS key", async () => {
    const h = kmsHarness();
    const { KeyMetadata } = (await h.kms.createKey({ Origin: "AWS_KMS" }))._unsafeUnwrap();
    const response = (
      await h.kms.generateDataKey({ KeyId: KeyMetadata.Arn, KeySpec: "AES_128" })
    )._unsafeUnwrap();
    expect(response.KeyId).toBe(KeyMetadata.Arn);
    expect(response.KeyMaterialId).toBe(KeyMetadata.CurrentKeyMaterialId);
    const decrypted = await h.kms.decrypt({ CiphertextBlob: response.CiphertextBlob });
    expect(hex(decrypted._unsafeUnwrap().Plaintext)).toBe(hex(response.Plaintext));
  });
});

describe("generateDataKeyWithoutPlaintext", () => {
  it("answers with the ciphertext, the key ARN and the KeyMaterialId, and no Plaintext member", async () => {
    const h = kmsHarness();
    const { KeyId, KeyMaterialId } = await h.enabledKey();
    const response = (
      await h.kms.generateDataKeyWithoutPlaintext({ KeyId, KeySpec: "AES_256" })
    )._unsafeUnwrap();
    expect(Object.keys(response).sort()).toEqual(["CiphertextBlob", "KeyId", "KeyMaterialId"]);
    expect(response).not.toHaveProperty("Plaintext");
    expect(response.KeyId).toBe(arnOf(KeyId));
    expect(response.KeyMaterialId).toBe(KeyMaterialId);
  });

  it.each([
    [{ KeySpec: "AES_256" } as const, 32],
    [{ KeySpec: "AES_128" } as const, 16],
    [{ NumberOfBytes: 100 }, 100],
  ])(
    "returns a ciphertext that decrypts to a data key of the size asked by %j",
    async (size, bytes) => {
      const h = kmsHarness();
      const { KeyId } = await h.enabledKey();
      const { CiphertextBlob } = (
        await h.kms.generateDataKeyWithoutPlaintext({ KeyId, ...size })
      )._unsafeUnwrap();
      const decrypted = (await h.kms.decrypt({ CiphertextBlob }))._unsafeUnwrap();
      expect(decrypted.Plaintext).toHaveLength(bytes);
    },
  );
});

describe.each(operations)("%s and key states (decision 14)", (operation) => {
  const generate = (h: Harness, KeyId: string, DryRun?: boolean) =>
    h.kms[operation]({ KeyId, KeySpec: "AES_256", ...(DryRun === undefined ? {} : { DryRun }) });

  it("returns DisabledException '<arn> is disabled.' for a Disabled key", async () => {
    const h = kmsHarness();
    const { KeyId } = await h.enabledKey();
    await h.kms.disableKey({ KeyId });
    const error = expectError(await generate(h, KeyId), "DisabledException");
    expect(error.message).toBe(`${arnOf(KeyId)} is disabled.`);
  });

  it("returns KMSInvalidStateException '<arn> is pending import.' for a key without material", async () => {
    const h = kmsHarness();
    const KeyId = await h.externalKey();
    const error = expectError(await generate(h, KeyId), "KMSInvalidStateException");
    expect(error.message).toBe(`${arnOf(KeyId)} is pending import.`);
  });

  it("returns KMSInvalidStateException '<arn> is pending deletion.' for a key pending deletion", async () => {
    const h = kmsHarness();
    const { KeyId } = await h.enabledKey();
    await h.kms.scheduleKeyDeletion({ KeyId, PendingWindowInDays: 30 });
    const error = expectError(await generate(h, KeyId), "KMSInvalidStateException");
    expect(error.message).toBe(`${arnOf(KeyId)} is pending deletion.`);
  });

  it("returns KMSInvalidStateException '<arn> is pending import.' once the material expired, and audits the expiry once", async () => {
    const h = kmsHarness();
    const KeyId = await h.externalKey();
    (await h.importMaterial(KeyId, material(), 1))._unsafeUnwrap();
    h.clock.advance({ days: 1 });
    const audited = h.audit.length;
    const error = expectError(await generate(h, KeyId), "KMSInvalidStateException");
    expect(error.message).toBe(`${arnOf(KeyId)} is pending import.`);
    expectError(await generate(h, KeyId), "KMSInvalidStateException");
    expect(h.audit.slice(audited).map((e) => e.eventName)).toEqual(["DeleteExpiredKeyMaterial"]);
  });

  it("returns DryRunOperationException, with no data key, for a DryRun that would succeed", async () => {
    const h = kmsHarness();
    const { KeyId } = await h.enabledKey();
    const error = expectError(await generate(h, KeyId, true), "DryRunOperationException");
    expect(error).toEqual({
      name: "DryRunOperationException",
      message: "The request would have succeeded, but the DryRun option is set.",
    });
  });

  it.each(["Disabled", "DryRun"] as const)(
    "leaves the store unchanged when it fails for a %s",
    async (reason) => {
      const h = kmsHarness();
      const { KeyId } = await h.enabledKey();
      if (reason === "Disabled") await h.kms.disableKey({ KeyId });
      const arns = [arnOf(KeyId)];
      const before = await storeSnapshot(h.store, arns);
      const audited = h.audit.length;
      expectError(
        await generate(h, KeyId, reason === "DryRun"),
        reason === "DryRun" ? "DryRunOperationException" : "DisabledException",
      );
      expect(await storeSnapshot(h.store, arns)).toBe(before);
      expect(h.audit).toHaveLength(audited);
    },
  );

  it("returns ValidationException when neither KeySpec nor NumberOfBytes is given", async () => {
    const h = kmsHarness();
    const { KeyId } = await h.enabledKey();
    expectError(await h.kms[operation]({ KeyId }), "ValidationException");
  });
});
