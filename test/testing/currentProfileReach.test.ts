import { describe, expect, it } from "vitest";
import { createKms } from "../../src/service/createKms.js";
import { runKmsModel } from "../../src/testing/runKmsModel.js";
import { testCrypto } from "../../src/testing/testCrypto.js";
import { aroundKms } from "../support/aroundKms.js";

// A model run that passes proves little about what it never reached. In the current profile the
// commands must reach, in a few hundred sequences, every way the HMAC, RSA and ECC keys of
// docs/decisions/0031-hmac-and-asymmetric-import.md answer: each spec created, material
// refused for its spec, signatures and MACs made and verified, public keys read, RSAES-OAEP
// round trips, and the refusals of a key used for what it cannot do.

const sequences = 400;

/** What a model run of the current profile made the target answer: `operation: ok` or the error. */
async function answersOfCurrentRun(): Promise<Set<string>> {
  const answers = new Set<string>();
  await runKmsModel(
    (environment) =>
      aroundKms(createKms({ ...environment, crypto: testCrypto() }), (method, call) => {
        // GenerateDataKey and GenerateDataKeyWithoutPlaintext count as one.
        const operation = method.replace(/WithoutPlaintext$/, "");
        return call()
          .map((response) => {
            const { KeyMetadata, EncryptionAlgorithm } = response as {
              KeyMetadata?: { KeySpec?: string };
              EncryptionAlgorithm?: string;
            };
            const detail = KeyMetadata?.KeySpec ?? EncryptionAlgorithm?.replace(/_SHA_\d+$/, "");
            answers.add(`${operation}: ok${detail === undefined ? "" : ` ${detail}`}`);
            return response;
          })
          .mapErr((error) => {
            answers.add(`${operation}: ${error.name}`);
            if (/must be .* the unwrapped material is/.test(error.message)) {
              answers.add(`${operation}: material of the wrong kind or size`);
            }
            return error;
          });
      }),
    { numRuns: sequences, behaviour: "current" },
  );
  return answers;
}

describe(`the current profile's model run (${sequences} sequences)`, () => {
  it("reaches every kind of key and every answer of the operations that use them", async () => {
    const answers = await answersOfCurrentRun();
    const expected = [
      ...[
        "HMAC_224",
        "HMAC_256",
        "HMAC_384",
        "HMAC_512",
        "RSA_2048",
        "RSA_3072",
        "RSA_4096",
        "ECC_NIST_P256",
        "ECC_NIST_P384",
        "ECC_NIST_P521",
        "ECC_SECG_P256K1",
      ].map((spec) => `createKey: ok ${spec}`),
      "importKeyMaterial: material of the wrong kind or size",
      "getParametersForImport: UnsupportedOperationException",
      "sign: ok",
      "sign: InvalidKeyUsageException",
      "sign: ValidationException",
      "verify: ok",
      "verify: KMSInvalidSignatureException",
      "generateMac: ok",
      "generateMac: InvalidKeyUsageException",
      "verifyMac: ok",
      "verifyMac: KMSInvalidMacException",
      "getPublicKey: ok",
      "getPublicKey: UnsupportedOperationException",
      "encrypt: ok RSAES_OAEP",
      "encrypt: InvalidKeyUsageException",
      "encrypt: ValidationException",
      "decrypt: ok RSAES_OAEP",
      "decrypt: IncorrectKeyException",
      "generateDataKey: InvalidKeyUsageException",
      "rotateKeyOnDemand: ok",
      "listKeyRotations: ValidationException",
    ];
    expect(expected.filter((answer) => !answers.has(answer))).toEqual([]);
  }, 120_000);
});
