import { describe, expect, it } from "vitest";
import { validateGenerateDataKeyRequest } from "../../../src/domain/requests/generateDataKey.js";
import { expectError } from "../../support/kmsHarness.js";
import { arn, keyId, now, scope } from "../keyRecords.js";

const context = { scope, now };
const one = (violation: string) => `1 validation error detected: ${violation}`;
const operations = ["GenerateDataKey", "GenerateDataKeyWithoutPlaintext"] as const;

describe.each(operations)("validateGenerateDataKeyRequest for %s", (operation) => {
  const validate = (input: unknown) => validateGenerateDataKeyRequest(input, context, operation);

  it.each([
    ["AES_256", 32],
    ["AES_128", 16],
  ])("turns KeySpec %s into %i bytes", (KeySpec, bytes) => {
    expect(validate({ KeyId: keyId, KeySpec })._unsafeUnwrap()).toEqual({
      key: { kind: "key", arn },
      numberOfBytes: bytes,
      encryptionContext: {},
      dryRun: false,
    });
  });

  it.each([1, 64, 1024])("takes NumberOfBytes %i as it is", (NumberOfBytes) => {
    expect(validate({ KeyId: keyId, NumberOfBytes })._unsafeUnwrap().numberOfBytes).toBe(
      NumberOfBytes,
    );
  });

  it("keeps the encryption context and DryRun", () => {
    const request = {
      KeyId: arn,
      KeySpec: "AES_256",
      EncryptionContext: { tenant: "ü" },
      GrantTokens: ["token"],
      DryRun: true,
    };
    expect(validate(request)._unsafeUnwrap()).toEqual({
      key: { kind: "key", arn },
      numberOfBytes: 32,
      encryptionContext: { tenant: "ü" },
      dryRun: true,
    });
  });

  it.each([
    [0, "greater than or equal to 1"],
    [1025, "less than or equal to 1024"],
  ])("returns ValidationException for NumberOfBytes %i", (NumberOfBytes, bound) => {
    const error = expectError(validate({ KeyId: keyId, NumberOfBytes }), "ValidationException");
    expect(error.message).toBe(
      one(
        `Value '${NumberOfBytes}' at 'numberOfBytes' failed to satisfy constraint: Member must have value ${bound}`,
      ),
    );
  });

  it("returns SerializationException for a fractional NumberOfBytes", () => {
    expectError(validate({ KeyId: keyId, NumberOfBytes: 16.5 }), "SerializationException");
  });

  it("returns ValidationException when neither KeySpec nor NumberOfBytes is given", () => {
    const error = expectError(validate({ KeyId: keyId }), "ValidationException");
    expect(error.message).toBe("Please specify either number of bytes or key spec, but not both.");
  });

  it("returns ValidationException when both KeySpec and NumberOfBytes are given", () => {
    const error = expectError(
      validate({ KeyId: keyId, KeySpec: "AES_256", NumberOfBytes: 32 }),
      "ValidationException",
    );
    expect(error.message).toBe("Please specify either number of bytes or key spec, but not both.");
  });

  it("returns ValidationException for an unknown KeySpec", () => {
    const error = expectError(
      validate({ KeyId: keyId, KeySpec: "AES_512" }),
      "ValidationException",
    );
    expect(error.message).toBe(
      one(
        "Value 'AES_512' at 'keySpec' failed to satisfy constraint: Member must satisfy enum value set: [AES_256, AES_128]",
      ),
    );
  });

  it("returns ValidationException for a missing KeyId", () => {
    const error = expectError(validate({ KeySpec: "AES_256" }), "ValidationException");
    expect(error.message).toBe(
      one("Value null at 'keyId' failed to satisfy constraint: Member must not be null"),
    );
  });

  it.each([
    ["an array", ["a"]],
    ["a number", 7],
    ["an object with a null value", { a: null }],
  ])("returns SerializationException for an EncryptionContext that is %s", (_, value) => {
    expectError(
      validate({ KeyId: keyId, KeySpec: "AES_256", EncryptionContext: value }),
      "SerializationException",
    );
  });

  it("reads an alias KeyId as the alias to look up", () => {
    const validated = validate({ KeyId: "alias/my-key", KeySpec: "AES_256" });
    expect(validated._unsafeUnwrap().key).toEqual({
      kind: "alias",
      aliasName: "alias/my-key",
      aliasArn: "arn:aws:kms:us-east-1:111122223333:alias/my-key",
    });
  });
});

describe("validateGenerateDataKeyRequest and Recipient", () => {
  const Recipient = {
    KeyEncryptionAlgorithm: "RSAES_OAEP_SHA_256",
    AttestationDocument: Uint8Array.of(1),
  };

  it("returns UnsupportedOperationException for a Recipient on GenerateDataKey", () => {
    const error = expectError(
      validateGenerateDataKeyRequest(
        { KeyId: keyId, KeySpec: "AES_256", Recipient },
        context,
        "GenerateDataKey",
      ),
      "UnsupportedOperationException",
    );
    expect(error.message).toBe(
      "GenerateDataKey with a Recipient (a Nitro Enclaves attestation document) is not supported by kms-byok.",
    );
  });

  it("ignores a Recipient on GenerateDataKeyWithoutPlaintext, whose AWS model has no such member", () => {
    expect(
      validateGenerateDataKeyRequest(
        { KeyId: keyId, KeySpec: "AES_256", Recipient },
        context,
        "GenerateDataKeyWithoutPlaintext",
      ).isOk(),
    ).toBe(true);
  });
});
