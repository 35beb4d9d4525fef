import { describe, expect, it } from "vitest";
import { arnOf, expectError, kmsHarness } from "../support/kmsHarness.js";

describe("updateKeyDescription", () => {
  it("replaces the description DescribeKey shows, in PendingImport too", async () => {
    const h = kmsHarness();
    const KeyId = await h.externalKey();
    expect(await h.kms.updateKeyDescription({ KeyId, Description: "renamed" })).toBeOk({});
    const { KeyMetadata } = (await h.kms.describeKey({ KeyId }))._unsafeUnwrap();
    expect(KeyMetadata.Description).toBe("renamed");
    expect(await h.kms.updateKeyDescription({ KeyId, Description: "" })).toBeOk();
  });

  it("refuses a key pending deletion, a missing Description and one over 8192 characters", async () => {
    const h = kmsHarness();
    const { KeyId } = await h.enabledKey();
    expectError(
      await h.kms.updateKeyDescription({ KeyId, Description: undefined }),
      "ValidationException",
    );
    expectError(
      await h.kms.updateKeyDescription({ KeyId, Description: "d".repeat(8193) }),
      "ValidationException",
    );
    await h.kms.scheduleKeyDeletion({ KeyId });
    const error = expectError(
      await h.kms.updateKeyDescription({ KeyId, Description: "late" }),
      "KMSInvalidStateException",
    );
    expect(error.message).toBe(`${arnOf(KeyId)} is pending deletion.`);
  });
});

describe("generateRandom", () => {
  it.each([1, 12, 44, 91, 1024])("returns exactly %i random bytes", async (NumberOfBytes) => {
    const h = kmsHarness();
    const { Plaintext } = (await h.kms.generateRandom({ NumberOfBytes }))._unsafeUnwrap();
    expect(Plaintext.byteLength).toBe(NumberOfBytes);
  });

  it.each([
    [undefined, "NumberOfBytes is required."],
    [
      0,
      "1 validation error detected: Value '0' at 'numberOfBytes' failed to satisfy constraint: Member must have value greater than or equal to 1",
    ],
    [
      1025,
      "1 validation error detected: Value '1025' at 'numberOfBytes' failed to satisfy constraint: Member must have value less than or equal to 1024",
    ],
  ])("answers NumberOfBytes %s with AWS's ValidationException", async (NumberOfBytes, message) => {
    const h = kmsHarness();
    const error = expectError(await h.kms.generateRandom({ NumberOfBytes }), "ValidationException");
    expect(error.message).toBe(message);
  });

  it("refuses a custom key store with UnsupportedOperationException", async () => {
    const h = kmsHarness();
    expectError(
      await h.kms.generateRandom({ NumberOfBytes: 8, CustomKeyStoreId: "cks-1234567890abcdef0" }),
      "UnsupportedOperationException",
    );
  });
});
