import { randomBytes } from "node:crypto";
import { addDays } from "date-fns";
import { describe, expect, it } from "vitest";
import { storeSnapshot } from "../properties/storeSnapshot.js";
import {
  arnOf,
  expectError,
  type Harness,
  kmsHarness,
  material,
  start,
} from "../support/kmsHarness.js";

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");

/** An EXTERNAL key with fresh material that does not expire, and that material's ID. */
describe("encrypt", () => {
  it("returns a ciphertext that Decrypt turns back into the plaintext", async () => {
    const h = kmsHarness();
    const { KeyId } = await h.enabledKey();
    const Plaintext = randomBytes(100);
    const { CiphertextBlob } = (await h.kms.encrypt({ KeyId, Plaintext }))._unsafeUnwrap();
    const decrypted = (await h.kms.decrypt({ CiphertextBlob }))._unsafeUnwrap();
    expect(hex(decrypted.Plaintext)).toBe(hex(Plaintext));
  });

  it("answers with the ciphertext, the key ARN and SYMMETRIC_DEFAULT, and nothing else", async () => {
    const h = kmsHarness();
    const { KeyId } = await h.enabledKey();
    const response = (
      await h.kms.encrypt({ KeyId, Plaintext: Uint8Array.of(1, 2, 3) })
    )._unsafeUnwrap();
    expect(Object.keys(response).sort()).toEqual([
      "CiphertextBlob",
      "EncryptionAlgorithm",
      "KeyId",
    ]);
    expect(response.KeyId).toBe(arnOf(KeyId));
    expect(response.EncryptionAlgorithm).toBe("SYMMETRIC_DEFAULT");
    expect(response.CiphertextBlob).toBeInstanceOf(Uint8Array);
    expect(hex(response.CiphertextBlob)).not.toContain("010203");
  });

  it("accepts the key ARN as KeyId", async () => {
    const h = kmsHarness();
    const { KeyId } = await h.enabledKey();
    const response = await h.kms.encrypt({ KeyId: arnOf(KeyId), Plaintext: Uint8Array.of(7) });
    expect(response._unsafeUnwrap().KeyId).toBe(arnOf(KeyId));
  });

  it("gives the same plaintext a different ciphertext each time", async () => {
    const h = kmsHarness();
    const { KeyId } = await h.enabledKey();
    const Plaintext = Uint8Array.of(1, 2, 3);
    const first = (await h.kms.encrypt({ KeyId, Plaintext }))._unsafeUnwrap().CiphertextBlob;
    const second = (await h.kms.encrypt({ KeyId, Plaintext }))._unsafeUnwrap().CiphertextBlob;
    expect(hex(first)).not.toBe(hex(second));
  });

  it("encrypts and decrypts under an AWS_KMS key, whose material KMS generated", async () => {
    const h = kmsHarness();
    const { KeyMetadata } = (await h.kms.createKey({ Origin: "AWS_KMS" }))._unsafeUnwrap();
    const Plaintext = Uint8Array.of(4, 5, 6);
    const encrypted = (
      await h.kms.encrypt({ KeyId: KeyMetadata.KeyId, Plaintext })
    )._unsafeUnwrap();
    expect(encrypted.KeyId).toBe(KeyMetadata.Arn);
    const decrypted = (
      await h.kms.decrypt({ CiphertextBlob: encrypted.CiphertextBlob })
    )._unsafeUnwrap();
    expect(hex(decrypted.Plaintext)).toBe("040506");
    expect(decrypted.KeyMaterialId).toBe(KeyMetadata.CurrentKeyMaterialId);
  });

  it("returns DisabledException '<arn> is disabled.' for a Disabled key", async () => {
    const h = kmsHarness();
    const { KeyId } = await h.enabledKey();
    await h.kms.disableKey({ KeyId });
    const error = expectError(
      await h.kms.encrypt({ KeyId, Plaintext: Uint8Array.of(1) }),
      "DisabledException",
    );
    expect(error.message).toBe(`${arnOf(KeyId)} is disabled.`);
  });

  it("returns KMSInvalidStateException '<arn> is pending import.' for a key that never had material", async () => {
    const h = kmsHarness();
    const KeyId = await h.externalKey();
    const error = expectError(
      await h.kms.encrypt({ KeyId, Plaintext: Uint8Array.of(1) }),
      "KMSInvalidStateException",
    );
    expect(error.message).toBe(`${arnOf(KeyId)} is pending import.`);
  });

  it("returns KMSInvalidStateException '<arn> is pending import.' after DeleteImportedKeyMaterial", async () => {
    const h = kmsHarness();
    const { KeyId } = await h.enabledKey();
    await h.kms.deleteImportedKeyMaterial({ KeyId });
    const error = expectError(
      await h.kms.encrypt({ KeyId, Plaintext: Uint8Array.of(1) }),
      "KMSInvalidStateException",
    );
    expect(error.message).toBe(`${arnOf(KeyId)} is pending import.`);
  });

  it("returns KMSInvalidStateException '<arn> is pending deletion.' for a key pending deletion", async () => {
    const h = kmsHarness();
    const { KeyId } = await h.enabledKey();
    await h.kms.scheduleKeyDeletion({ KeyId, PendingWindowInDays: 7 });
    const error = expectError(
      await h.kms.encrypt({ KeyId, Plaintext: Uint8Array.of(1) }),
      "KMSInvalidStateException",
    );
    expect(error.message).toBe(`${arnOf(KeyId)} is pending deletion.`);
  });

  it("returns NotFoundException for a well-formed key ID that names no key", async () => {
    const h = kmsHarness();
    const KeyId = "00000000-0000-0000-0000-000000000000";
    const error = expectError(
      await h.kms.encrypt({ KeyId, Plaintext: Uint8Array.of(1) }),
      "NotFoundException",
    );
    expect(error.message).toBe(`Key '${arnOf(KeyId)}' does not exist`);
  });

  it("returns NotFoundException once the deletion date has passed", async () => {
    const h = kmsHarness();
    const { KeyId } = await h.enabledKey();
    await h.kms.scheduleKeyDeletion({ KeyId, PendingWindowInDays: 7 });
    h.clock.advance({ days: 7 });
    expectError(await h.kms.encrypt({ KeyId, Plaintext: Uint8Array.of(1) }), "NotFoundException");
  });

  it("returns DryRunOperationException, and no ciphertext, for a DryRun that would succeed", async () => {
    const h = kmsHarness();
    const { KeyId } = await h.enabledKey();
    const result = await h.kms.encrypt({ KeyId, Plaintext: Uint8Array.of(1), DryRun: true });
    const error = expectError(result, "DryRunOperationException");
    expect(error).toEqual({
      name: "DryRunOperationException",
      message: "The request would have succeeded, but the DryRun option is set.",
    });
  });

  it("returns the real error, not DryRunOperationException, for a DryRun on a Disabled key", async () => {
    const h = kmsHarness();
    const { KeyId } = await h.enabledKey();
    await h.kms.disableKey({ KeyId });
    expectError(
      await h.kms.encrypt({ KeyId, Plaintext: Uint8Array.of(1), DryRun: true }),
      "DisabledException",
    );
  });

  it("returns ValidationException for an empty Plaintext before looking at the key", async () => {
    const h = kmsHarness();
    const KeyId = await h.externalKey();
    expectError(
      await h.kms.encrypt({ KeyId, Plaintext: new Uint8Array(0) }),
      "ValidationException",
    );
  });

  it("writes nothing and audits nothing when it succeeds", async () => {
    const h = kmsHarness();
    const { KeyId } = await h.enabledKey();
    const arns = [arnOf(KeyId)];
    const before = await storeSnapshot(h.store, arns);
    const audited = h.audit.length;
    expect(await h.kms.encrypt({ KeyId, Plaintext: Uint8Array.of(1) })).toBeOk();
    expect(await storeSnapshot(h.store, arns)).toBe(before);
    expect(h.audit).toHaveLength(audited);
  });

  it.each([
    ["Disabled", "DisabledException", { DryRun: false }],
    ["Enabled", "DryRunOperationException", { DryRun: true }],
    ["Enabled", "InvalidKeyUsageException", { EncryptionAlgorithm: "RSAES_OAEP_SHA_256" }],
  ] as const)(
    "leaves the store unchanged when it fails on an %s key with %s",
    async (state, name, extra) => {
      const h = kmsHarness();
      const { KeyId } = await h.enabledKey();
      if (state === "Disabled") await h.kms.disableKey({ KeyId });
      const arns = [arnOf(KeyId)];
      const before = await storeSnapshot(h.store, arns);
      const audited = h.audit.length;
      expectError(await h.kms.encrypt({ KeyId, Plaintext: Uint8Array.of(1), ...extra }), name);
      expect(await storeSnapshot(h.store, arns)).toBe(before);
      expect(h.audit).toHaveLength(audited);
    },
  );

  describe("after the key material expired", () => {
    async function expiredKey(h: Harness) {
      const KeyId = await h.externalKey();
      const { KeyMaterialId } = (await h.importMaterial(KeyId, material(), 1))._unsafeUnwrap();
      h.clock.advance({ days: 1 });
      return { KeyId, KeyMaterialId };
    }

    it("returns KMSInvalidStateException '<arn> is pending import.'", async () => {
      const h = kmsHarness();
      const { KeyId } = await expiredKey(h);
      const error = expectError(
        await h.kms.encrypt({ KeyId, Plaintext: Uint8Array.of(1) }),
        "KMSInvalidStateException",
      );
      expect(error.message).toBe(`${arnOf(KeyId)} is pending import.`);
    });

    it("writes the expiry it observed to the store and audits it once as DeleteExpiredKeyMaterial", async () => {
      const h = kmsHarness();
      const { KeyId, KeyMaterialId } = await expiredKey(h);
      const arn = arnOf(KeyId);
      const stored = async () => (await h.store.get(arn))._unsafeUnwrap()?.record;
      expect((await stored())?.keyState).toBe("Enabled");
      const audited = h.audit.length;

      expectError(
        await h.kms.encrypt({ KeyId, Plaintext: Uint8Array.of(1) }),
        "KMSInvalidStateException",
      );
      const record = await stored();
      expect(record?.keyState).toBe("PendingImport");
      expect(record).not.toHaveProperty("material");
      expect(h.audit.slice(audited)).toEqual([
        {
          eventName: "DeleteExpiredKeyMaterial",
          keyArn: arn,
          eventTime: addDays(start, 1),
          keyState: "PendingImport",
          keyMaterialId: KeyMaterialId,
        },
      ]);

      expectError(
        await h.kms.encrypt({ KeyId, Plaintext: Uint8Array.of(1) }),
        "KMSInvalidStateException",
      );
      expect(h.audit.slice(audited)).toHaveLength(1);
    });
  });
});
