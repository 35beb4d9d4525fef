import { describe, expect, it } from "vitest";
import { validateDecryptRequest } from "../../../src/domain/requests/decrypt.js";
import { expectError } from "../../support/kmsHarness.js";
import { arn, keyId, now, scope } from "../keyRecords.js";

const context = { scope, now };
const blob = Uint8Array.of(1, 2, 3);
const valid = { CiphertextBlob: blob };
const one = (violation: string) => `1 validation error detected: ${violation}`;

describe("validateDecryptRequest", () => {
  it("needs no KeyId, since the ciphertext names its key", () => {
    expect(validateDecryptRequest(valid, context)._unsafeUnwrap()).toEqual({
      ciphertextBlob: blob,
      key: undefined,
      encryptionContext: {},
      dryRun: false,
    });
  });

  it.each([
    ["key ID", keyId],
    ["key ARN", arn],
  ])("resolves a KeyId given as a %s to the key ARN", (_, KeyId) => {
    expect(validateDecryptRequest({ ...valid, KeyId }, context)._unsafeUnwrap().key).toEqual({
      kind: "key",
      arn,
    });
  });

  it("keeps the encryption context and DryRun", () => {
    const request = {
      ...valid,
      EncryptionContext: { a: "1", b: "2" },
      EncryptionAlgorithm: "SYMMETRIC_DEFAULT",
      GrantTokens: ["token"],
      DryRun: true,
    };
    expect(validateDecryptRequest(request, context)._unsafeUnwrap()).toEqual({
      ciphertextBlob: blob,
      key: undefined,
      encryptionContext: { a: "1", b: "2" },
      dryRun: true,
    });
  });

  it.each([1, 6144])("accepts a CiphertextBlob of %i bytes", (length) => {
    const request = { CiphertextBlob: new Uint8Array(length) };
    expect(validateDecryptRequest(request, context)).toBeOk();
  });

  it("returns ValidationException for a missing CiphertextBlob", () => {
    const error = expectError(validateDecryptRequest({}, context), "ValidationException");
    expect(error.message).toBe(
      one("Value null at 'ciphertextBlob' failed to satisfy constraint: Member must not be null"),
    );
  });

  it("returns ValidationException for an empty CiphertextBlob", () => {
    const error = expectError(
      validateDecryptRequest({ CiphertextBlob: new Uint8Array(0) }, context),
      "ValidationException",
    );
    expect(error.message).toBe(
      one(
        "Value at 'ciphertextBlob' failed to satisfy constraint: Member must have length greater than or equal to 1",
      ),
    );
  });

  it("returns ValidationException for a CiphertextBlob of 6145 bytes without showing its value", () => {
    const error = expectError(
      validateDecryptRequest({ CiphertextBlob: new Uint8Array(6145).fill(0x41) }, context),
      "ValidationException",
    );
    expect(error.message).toBe(
      one(
        "Value at 'ciphertextBlob' failed to satisfy constraint: Member must have length less than or equal to 6144",
      ),
    );
  });

  it.each([
    ["an array", [["a", "1"]]],
    ["a string", "a=1"],
    ["an object with a boolean value", { a: true }],
  ])("returns SerializationException for an EncryptionContext that is %s", (_, value) => {
    expectError(
      validateDecryptRequest({ ...valid, EncryptionContext: value }, context),
      "SerializationException",
    );
  });

  it("returns SerializationException for a CiphertextBlob given as base64 text", () => {
    expectError(
      validateDecryptRequest({ CiphertextBlob: "AQID" }, context),
      "SerializationException",
    );
  });

  it("returns InvalidKeyUsageException for RSAES_OAEP_SHA_256", () => {
    const error = expectError(
      validateDecryptRequest({ ...valid, EncryptionAlgorithm: "RSAES_OAEP_SHA_256" }, context),
      "InvalidKeyUsageException",
    );
    expect(error.message).toBe(
      "Algorithm RSAES_OAEP_SHA_256 is incompatible with key spec SYMMETRIC_DEFAULT.",
    );
  });

  it("returns ValidationException for an unknown EncryptionAlgorithm", () => {
    expectError(
      validateDecryptRequest({ ...valid, EncryptionAlgorithm: "symmetric_default" }, context),
      "ValidationException",
    );
  });

  it("returns UnsupportedOperationException for a Recipient", () => {
    const Recipient = { KeyEncryptionAlgorithm: "RSAES_OAEP_SHA_256", AttestationDocument: blob };
    const error = expectError(
      validateDecryptRequest({ ...valid, Recipient }, context),
      "UnsupportedOperationException",
    );
    expect(error.message).toBe(
      "Decrypt with a Recipient (a Nitro Enclaves attestation document) is not supported by kms-byok.",
    );
  });

  it("treats a null Recipient as absent", () => {
    expect(validateDecryptRequest({ ...valid, Recipient: null }, context)).toBeOk();
  });

  it.each(["alias/my-key", "arn:aws:kms:us-east-1:111122223333:alias/my-key"])(
    "reads the KeyId %s as the alias to look up",
    (KeyId) => {
      const validated = validateDecryptRequest({ ...valid, KeyId }, context);
      expect(validated._unsafeUnwrap().key).toEqual({
        kind: "alias",
        aliasName: "alias/my-key",
        aliasArn: "arn:aws:kms:us-east-1:111122223333:alias/my-key",
      });
    },
  );

  it("returns ValidationException for an empty KeyId", () => {
    expectError(validateDecryptRequest({ ...valid, KeyId: "" }, context), "ValidationException");
  });
});
