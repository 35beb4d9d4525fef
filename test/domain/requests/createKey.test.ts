import { describe, expect, it } from "vitest";
import { validateCreateKeyRequest } from "../../../src/domain/requests/createKey.js";
import { expectError } from "../../support/kmsHarness.js";

describe("validateCreateKeyRequest", () => {
  it("defaults to an AWS_KMS key without description", () => {
    expect(validateCreateKeyRequest(undefined)._unsafeUnwrap()).toEqual({
      description: "",
      origin: "AWS_KMS",
      tags: [],
    });
  });

  it("accepts the explicit symmetric defaults with Origin EXTERNAL", () => {
    const request = {
      Description: "byok",
      KeySpec: "SYMMETRIC_DEFAULT",
      KeyUsage: "ENCRYPT_DECRYPT",
      Origin: "EXTERNAL",
      MultiRegion: false,
    };
    expect(validateCreateKeyRequest(request)._unsafeUnwrap()).toEqual({
      description: "byok",
      origin: "EXTERNAL",
      tags: [],
    });
  });

  it("accepts the deprecated CustomerMasterKeySpec SYMMETRIC_DEFAULT alone", () => {
    expect(validateCreateKeyRequest({ CustomerMasterKeySpec: "SYMMETRIC_DEFAULT" })).toBeOk();
  });

  it.each([
    { KeySpec: "RSA_2048" },
    { KeySpec: "HMAC_256" },
    { KeySpec: "ECC_NIST_P256" },
    { CustomerMasterKeySpec: "RSA_4096" },
    { KeyUsage: "SIGN_VERIFY" },
    { KeyUsage: "GENERATE_VERIFY_MAC" },
    { KeyUsage: "KEY_AGREEMENT" },
    { Origin: "AWS_CLOUDHSM" },
    { Origin: "EXTERNAL_KEY_STORE" },
    { CustomKeyStoreId: "cks-1234567890abcdef0" },
    { XksKeyId: "ext-key-1" },
    { MultiRegion: true },
    { Origin: "EXTERNAL", MultiRegion: true },
  ])("returns UnsupportedOperationException for %j", (request) => {
    expectError(validateCreateKeyRequest(request), "UnsupportedOperationException");
  });

  it("returns ValidationException when both KeySpec and CustomerMasterKeySpec are given", () => {
    expectError(
      validateCreateKeyRequest({
        KeySpec: "SYMMETRIC_DEFAULT",
        CustomerMasterKeySpec: "SYMMETRIC_DEFAULT",
      }),
      "ValidationException",
    );
  });

  it("returns ValidationException with the enum value set for an unknown Origin", () => {
    const error = expectError(validateCreateKeyRequest({ Origin: "CLOUD" }), "ValidationException");
    expect(error.message).toBe(
      "1 validation error detected: Value 'CLOUD' at 'origin' failed to satisfy constraint: " +
        "Member must satisfy enum value set: [AWS_KMS, EXTERNAL, AWS_CLOUDHSM, EXTERNAL_KEY_STORE]",
    );
  });

  it("returns ValidationException for a Description longer than 8192 characters", () => {
    const error = expectError(
      validateCreateKeyRequest({ Description: "d".repeat(8193) }),
      "ValidationException",
    );
    expect(error.message).toMatch(
      /^1 validation error detected: Value 'd+…' at 'description' failed to satisfy constraint: Member must have length less than or equal to 8192$/,
    );
  });

  it("keeps a valid Policy and Tags for the key", () => {
    const Policy = '{"Statement":[{"Principal":"*","Effect":"Allow","Action":"kms:*"}]}';
    const request = { Policy, Tags: [{ TagKey: "team", TagValue: "" }] };
    expect(validateCreateKeyRequest(request)).toBeOk({
      description: "",
      origin: "AWS_KMS",
      tags: [{ key: "team", value: "" }],
      policy: Policy,
    });
    expectError(
      validateCreateKeyRequest({ Tags: [{ TagKey: "", TagValue: "v" }] }),
      "ValidationException",
    );
  });

  it.each([
    ["a tag key twice", [{ TagKey: "a" }, { TagKey: "a" }], "Duplicate tag keys"],
    [
      "a tag key starting with AWS:",
      [{ TagKey: "AWS:team" }],
      "Tags beginning with aws: are reserved",
    ],
    ["51 tags", Array.from({ length: 51 }, (_, i) => ({ TagKey: `k${i}` })), "Too many tags"],
  ])("refuses %s with TagException as AWS words it", (_, keys, message) => {
    const Tags = keys.map((tag) => ({ ...tag, TagValue: "v" }));
    expect(expectError(validateCreateKeyRequest({ Tags }), "TagException").message).toBe(message);
  });

  it.each([
    ["not JSON", "{", "MalformedPolicyDocumentException"],
    ["without a statement", "{}", "MalformedPolicyDocumentException"],
    [
      "with a statement without a principal",
      '{"Statement":{"Effect":"Allow"}}',
      "MalformedPolicyDocumentException",
    ],
    [
      "over 32768 bytes",
      `{"Statement":{"Principal":"*","Sid":"${"x".repeat(32768)}"}}`,
      "LimitExceededException",
    ],
  ] as const)("refuses a policy %s with %s", (_, Policy, name) => {
    expectError(validateCreateKeyRequest({ Policy }), name);
  });

  it("returns ValidationException in AWS's words for a tag without TagKey, and SerializationException for a number", () => {
    const error = expectError(
      validateCreateKeyRequest({ Tags: [{ TagKey: "team", TagValue: "a" }, { TagValue: "b" }] }),
      "ValidationException",
    );
    expect(error.message).toBe(
      "1 validation error detected: Value null at 'tags.2.member.tagKey' failed to satisfy constraint: Member must not be null",
    );
    expectError(
      validateCreateKeyRequest({ Tags: [{ TagKey: 1, TagValue: "b" }] }),
      "SerializationException",
    );
  });

  it("returns SerializationException for a MultiRegion that is not a boolean", () => {
    expectError(validateCreateKeyRequest({ MultiRegion: "true" }), "SerializationException");
  });
});
