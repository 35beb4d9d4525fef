import { describe, expect, it } from "vitest";
import { checkWrapping } from "../../src/domain/wrappingTable.js";
import { expectError } from "../support/kmsHarness.js";

const specs = ["RSA_2048", "RSA_3072", "RSA_4096"] as const;
const algorithms = [
  "RSAES_OAEP_SHA_1",
  "RSAES_OAEP_SHA_256",
  "RSA_AES_KEY_WRAP_SHA_1",
  "RSA_AES_KEY_WRAP_SHA_256",
] as const;
const pairs = specs.flatMap((spec) => algorithms.map((algorithm) => [algorithm, spec] as const));

describe("checkWrapping", () => {
  it.each(pairs)("accepts %s with %s", (wrappingAlgorithm, wrappingKeySpec) => {
    expect(checkWrapping(wrappingAlgorithm, wrappingKeySpec)._unsafeUnwrap()).toEqual({
      wrappingAlgorithm,
      wrappingKeySpec,
    });
  });

  it.each([
    ["RSAES_PKCS1_V1_5", "RSA_2048"],
    ["SM2PKE", "RSA_2048"],
    ["SM2PKE", "SM2"],
    ["RSAES_OAEP_SHA_256", "SM2"],
  ] as const)("returns UnsupportedOperationException for %s with %s", (algorithm, spec) => {
    expectError(checkWrapping(algorithm, spec), "UnsupportedOperationException");
  });
});
