import { describe, expect, it } from "vitest";
import { validateGetParametersForImportRequest } from "../../../src/domain/requests/getParametersForImport.js";
import { expectError } from "../../support/kmsHarness.js";
import { arn, keyId, now, scope } from "../keyRecords.js";

const context = { scope, now };
const valid = {
  KeyId: keyId,
  WrappingAlgorithm: "RSAES_OAEP_SHA_256",
  WrappingKeySpec: "RSA_4096",
};
const algorithmSet =
  "[RSAES_PKCS1_V1_5, RSAES_OAEP_SHA_1, RSAES_OAEP_SHA_256, RSA_AES_KEY_WRAP_SHA_1, RSA_AES_KEY_WRAP_SHA_256, SM2PKE]";

describe("validateGetParametersForImportRequest", () => {
  it("resolves the key ARN and the wrapping pair", () => {
    expect(validateGetParametersForImportRequest(valid, context)._unsafeUnwrap()).toEqual({
      arn,
      wrappingAlgorithm: "RSAES_OAEP_SHA_256",
      wrappingKeySpec: "RSA_4096",
    });
  });

  it("returns ValidationException in AWS's words for an unknown WrappingAlgorithm", () => {
    const error = expectError(
      validateGetParametersForImportRequest({ ...valid, WrappingAlgorithm: "X" }, context),
      "ValidationException",
    );
    expect(error.message).toBe(
      "1 validation error detected: Value 'X' at 'wrappingAlgorithm' failed to satisfy constraint: " +
        `Member must satisfy enum value set: ${algorithmSet}`,
    );
  });

  it("returns ValidationException for missing WrappingAlgorithm and WrappingKeySpec", () => {
    const error = expectError(
      validateGetParametersForImportRequest({ KeyId: keyId }, context),
      "ValidationException",
    );
    expect(error.message).toBe(
      "2 validation errors detected: " +
        "Value null at 'wrappingAlgorithm' failed to satisfy constraint: Member must not be null; " +
        "Value null at 'wrappingKeySpec' failed to satisfy constraint: Member must not be null",
    );
  });

  it.each([
    ["RSAES_PKCS1_V1_5", "RSA_2048"],
    ["SM2PKE", "SM2"],
    ["RSAES_OAEP_SHA_256", "SM2"],
  ])("returns UnsupportedOperationException for %s with %s", (algorithm, spec) => {
    expectError(
      validateGetParametersForImportRequest(
        { KeyId: keyId, WrappingAlgorithm: algorithm, WrappingKeySpec: spec },
        context,
      ),
      "UnsupportedOperationException",
    );
  });
});
