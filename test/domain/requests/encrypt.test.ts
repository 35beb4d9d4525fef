import { describe, expect, it } from "vitest";
import { validateEncryptRequest } from "../../../src/domain/requests/encrypt.js";
import { expectError } from "../../support/kmsHarness.js";
import { arn, keyId, now, scope } from "../keyRecords.js";

const context = { scope, now };
const plaintext = Uint8Array.of(1, 2, 3);
const valid = { KeyId: keyId, Plaintext: plaintext };
const one = (violation: string) => `1 validation error detected: ${violation}`;

describe("validateEncryptRequest", () => {
  it("resolves the key and defaults to no encryption context and no dry run", () => {
    expect(validateEncryptRequest(valid, context)._unsafeUnwrap()).toEqual({
      key: { kind: "key", arn },
      plaintext,
      encryptionContext: {},
      dryRun: false,
    });
  });

  it("keeps the encryption context, DryRun and an explicit SYMMETRIC_DEFAULT", () => {
    const request = {
      ...valid,
      KeyId: arn,
      EncryptionContext: { purpose: "test", Ω: "" },
      EncryptionAlgorithm: "SYMMETRIC_DEFAULT",
      GrantTokens: ["token"],
      DryRun: true,
    };
    expect(validateEncryptRequest(request, context)._unsafeUnwrap()).toEqual({
      key: { kind: "key", arn },
      plaintext,
      encryptionContext: { purpose: "test", Ω: "" },
      dryRun: true,
    });
  });

  it.each([1, 4096])("accepts a Plaintext of %i bytes", (length) => {
    const request = { ...valid, Plaintext: new Uint8Array(length) };
    expect(validateEncryptRequest(request, context)._unsafeUnwrap().plaintext.byteLength).toBe(
      length,
    );
  });

  it("returns ValidationException for an empty Plaintext, in AWS's words", () => {
    const error = expectError(
      validateEncryptRequest({ ...valid, Plaintext: new Uint8Array(0) }, context),
      "ValidationException",
    );
    expect(error.message).toBe(
      one(
        "Value at 'plaintext' failed to satisfy constraint: Member must have length greater than or equal to 1",
      ),
    );
  });

  it("returns ValidationException for a Plaintext of 4097 bytes, its value not shown", () => {
    const secret = new Uint8Array(4097).fill(0x41);
    const error = expectError(
      validateEncryptRequest({ ...valid, Plaintext: secret }, context),
      "ValidationException",
    );
    expect(error.message).toBe(
      one(
        "Value at 'plaintext' failed to satisfy constraint: Member must have length less than or equal to 4096",
      ),
    );
  });

  it("lists a missing KeyId and a missing Plaintext in one ValidationException", () => {
    const error = expectError(validateEncryptRequest({}, context), "ValidationException");
    expect(error.message).toBe(
      "2 validation errors detected: " +
        "Value null at 'keyId' failed to satisfy constraint: Member must not be null; " +
        "Value null at 'plaintext' failed to satisfy constraint: Member must not be null",
    );
  });

  it.each([
    ["an array", ["purpose", "test"]],
    ["a string", "purpose=test"],
    ["a Map", new Map([["purpose", "test"]])],
    ["an object with a number value", { purpose: 1 }],
    ["an object with an object value", { purpose: { nested: "x" } }],
  ])("returns SerializationException for an EncryptionContext that is %s", (_, value) => {
    expectError(
      validateEncryptRequest({ ...valid, EncryptionContext: value }, context),
      "SerializationException",
    );
  });

  it.each([
    ["a lone high surrogate value", { k: "\uD800" }],
    ["a lone low surrogate value", { k: "x\uDC00" }],
    ["a lone surrogate key", { "\uDBFF": "v" }],
  ])(
    "returns ValidationException for an EncryptionContext with %s, which has no UTF-8 form",
    (_, EncryptionContext) => {
      const error = expectError(
        validateEncryptRequest({ ...valid, EncryptionContext }, context),
        "ValidationException",
      );
      expect(error.message).toBe(
        one(
          "Value at 'encryptionContext' failed to satisfy constraint: Member must contain only well-formed Unicode strings",
        ),
      );
    },
  );

  it("accepts an EncryptionContext of surrogate pairs (emoji)", () => {
    expect(
      validateEncryptRequest({ ...valid, EncryptionContext: { "😀": "🔑" } }, context).isOk(),
    ).toBe(true);
  });

  it("accepts an EncryptionContext without prototype", () => {
    const encryptionContext = Object.assign(Object.create(null) as object, { purpose: "test" });
    expect(
      validateEncryptRequest(
        { ...valid, EncryptionContext: encryptionContext },
        context,
      )._unsafeUnwrap().encryptionContext,
    ).toEqual({ purpose: "test" });
  });

  it.each(["RSAES_OAEP_SHA_256", "RSAES_OAEP_SHA_1", "SM2PKE"])(
    "returns InvalidKeyUsageException for the asymmetric EncryptionAlgorithm %s",
    (EncryptionAlgorithm) => {
      const error = expectError(
        validateEncryptRequest({ ...valid, EncryptionAlgorithm }, context),
        "InvalidKeyUsageException",
      );
      expect(error.message).toBe(
        `Algorithm ${EncryptionAlgorithm} is incompatible with key spec SYMMETRIC_DEFAULT.`,
      );
    },
  );

  it("returns ValidationException for an unknown EncryptionAlgorithm", () => {
    const error = expectError(
      validateEncryptRequest({ ...valid, EncryptionAlgorithm: "AES_GCM" }, context),
      "ValidationException",
    );
    expect(error.message).toBe(
      one(
        "Value 'AES_GCM' at 'encryptionAlgorithm' failed to satisfy constraint: Member must satisfy enum value set: [SYMMETRIC_DEFAULT, RSAES_OAEP_SHA_1, RSAES_OAEP_SHA_256, SM2PKE]",
      ),
    );
  });

  it.each([
    ["Plaintext", { Plaintext: "text" }],
    ["DryRun", { DryRun: "true" }],
    ["GrantTokens", { GrantTokens: "token" }],
  ])("returns SerializationException for a %s of the wrong type", (_, member) => {
    expectError(validateEncryptRequest({ ...valid, ...member }, context), "SerializationException");
  });

  it("reads an alias KeyId as the alias to look up", () => {
    const validated = validateEncryptRequest({ ...valid, KeyId: "alias/my-key" }, context);
    expect(validated._unsafeUnwrap().key).toEqual({
      kind: "alias",
      aliasName: "alias/my-key",
      aliasArn: "arn:aws:kms:us-east-1:111122223333:alias/my-key",
    });
  });

  it("returns NotFoundException for a malformed key ID", () => {
    const error = expectError(
      validateEncryptRequest({ ...valid, KeyId: "not-a-key" }, context),
      "NotFoundException",
    );
    expect(error.message).toBe("Invalid keyId 'not-a-key'");
  });

  it("returns AccessDeniedException for a key ARN of another account", () => {
    const foreign = `arn:aws:kms:us-east-1:444455556666:key/${keyId}`;
    expectError(
      validateEncryptRequest({ ...valid, KeyId: foreign }, context),
      "AccessDeniedException",
    );
  });
});
