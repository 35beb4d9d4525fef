import { describe, expect, it } from "vitest";
import { arnOf, expectError, kmsHarness } from "../support/kmsHarness.js";

const plaintext = new Uint8Array([104, 105]);

describe("reEncrypt", () => {
  it("moves a ciphertext from one key to another, by alias, with new encryption context", async () => {
    const h = kmsHarness();
    const source = await h.enabledKey();
    const destination = await h.enabledKey();
    await h.kms.createAlias({ AliasName: "alias/next", TargetKeyId: destination.KeyId });
    const { CiphertextBlob } = (
      await h.kms.encrypt({
        KeyId: source.KeyId,
        Plaintext: plaintext,
        EncryptionContext: { a: "1" },
      })
    )._unsafeUnwrap();
    const moved = (
      await h.kms.reEncrypt({
        CiphertextBlob,
        SourceEncryptionContext: { a: "1" },
        DestinationKeyId: "alias/next",
        DestinationEncryptionContext: { b: "2" },
      })
    )._unsafeUnwrap();
    expect(moved).toMatchObject({
      SourceKeyId: arnOf(source.KeyId),
      KeyId: arnOf(destination.KeyId),
      SourceEncryptionAlgorithm: "SYMMETRIC_DEFAULT",
      DestinationEncryptionAlgorithm: "SYMMETRIC_DEFAULT",
      SourceKeyMaterialId: source.KeyMaterialId,
      DestinationKeyMaterialId: destination.KeyMaterialId,
    });
    const decrypted = await h.kms.decrypt({
      CiphertextBlob: moved.CiphertextBlob,
      EncryptionContext: { b: "2" },
    });
    expect([...decrypted._unsafeUnwrap().Plaintext]).toEqual([...plaintext]);
    expect(await h.kms.decrypt({ CiphertextBlob, EncryptionContext: { a: "1" } })).toBeOk();
  });

  it("re-encrypts under the same key", async () => {
    const h = kmsHarness();
    const { KeyId } = await h.enabledKey();
    const { CiphertextBlob } = (
      await h.kms.encrypt({ KeyId, Plaintext: plaintext })
    )._unsafeUnwrap();
    const moved = await h.kms.reEncrypt({
      CiphertextBlob,
      SourceKeyId: KeyId,
      DestinationKeyId: KeyId,
    });
    expect(moved._unsafeUnwrap().KeyId).toBe(arnOf(KeyId));
  });

  it("refuses a wrong source context with InvalidCiphertextException and a wrong SourceKeyId with IncorrectKeyException", async () => {
    const h = kmsHarness();
    const source = await h.enabledKey();
    const other = await h.enabledKey();
    const { CiphertextBlob } = (
      await h.kms.encrypt({
        KeyId: source.KeyId,
        Plaintext: plaintext,
        EncryptionContext: { a: "1" },
      })
    )._unsafeUnwrap();
    expectError(
      await h.kms.reEncrypt({ CiphertextBlob, DestinationKeyId: other.KeyId }),
      "InvalidCiphertextException",
    );
    expectError(
      await h.kms.reEncrypt({
        CiphertextBlob,
        SourceEncryptionContext: { a: "1" },
        SourceKeyId: other.KeyId,
        DestinationKeyId: other.KeyId,
      }),
      "IncorrectKeyException",
    );
  });

  it("refuses a Disabled or pending destination and a Disabled source, as Encrypt and Decrypt do", async () => {
    const h = kmsHarness();
    const source = await h.enabledKey();
    const destination = await h.enabledKey();
    const pending = await h.externalKey();
    const { CiphertextBlob } = (
      await h.kms.encrypt({ KeyId: source.KeyId, Plaintext: plaintext })
    )._unsafeUnwrap();
    await h.kms.disableKey({ KeyId: destination.KeyId });
    expectError(
      await h.kms.reEncrypt({ CiphertextBlob, DestinationKeyId: destination.KeyId }),
      "DisabledException",
    );
    const error = expectError(
      await h.kms.reEncrypt({ CiphertextBlob, DestinationKeyId: pending }),
      "KMSInvalidStateException",
    );
    expect(error.message).toBe(`${arnOf(pending)} is pending import.`);
    await h.kms.enableKey({ KeyId: destination.KeyId });
    await h.kms.disableKey({ KeyId: source.KeyId });
    expectError(
      await h.kms.reEncrypt({ CiphertextBlob, DestinationKeyId: destination.KeyId }),
      "DisabledException",
    );
  });

  it("answers DryRunOperationException for a dry run that would succeed", async () => {
    const h = kmsHarness();
    const { KeyId } = await h.enabledKey();
    const { CiphertextBlob } = (
      await h.kms.encrypt({ KeyId, Plaintext: plaintext })
    )._unsafeUnwrap();
    expectError(
      await h.kms.reEncrypt({ CiphertextBlob, DestinationKeyId: KeyId, DryRun: true }),
      "DryRunOperationException",
    );
  });
});
