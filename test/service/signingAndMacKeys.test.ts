import {
  createHash,
  createHmac,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign as nodeSign,
  verify as nodeVerify,
  randomBytes,
} from "node:crypto";
import { describe, expect, it } from "vitest";
import type { KeySpec } from "../../src/domain/keySpec.js";
import { importedKeyOfSpec } from "../support/importMaterial.js";
import { arnOf, expectError, kmsHarness } from "../support/kmsHarness.js";

// HMAC, RSA and ECC keys with imported material, in the current profile: what each operation
// does with the material, and the errors of a key used for what it cannot do.

const curveOf = {
  ECC_NIST_P256: "prime256v1",
  ECC_NIST_P384: "secp384r1",
  ECC_NIST_P521: "secp521r1",
  ECC_SECG_P256K1: "secp256k1",
} as const;

function newKms() {
  return kmsHarness({ behaviour: "current" });
}

const rsaKeys = new Map<number, KeyObject>();
function rsaPrivateKey(modulusLength: 2048 | 3072 | 4096): KeyObject {
  let key = rsaKeys.get(modulusLength);
  if (key === undefined) {
    key = generateKeyPairSync("rsa", { modulusLength }).privateKey;
    rsaKeys.set(modulusLength, key);
  }
  return key;
}

const message = new TextEncoder().encode("The quick brown fox jumps over the lazy dog");

describe("GetPublicKey", () => {
  it.each(Object.entries(curveOf))(
    "returns exactly the public half of the imported %s private key",
    async (spec, namedCurve) => {
      const { kms } = newKms();
      const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve });
      const KeyId = await importedKeyOfSpec(kms, spec as KeySpec, "SIGN_VERIFY", privateKey);
      const response = (await kms.getPublicKey({ KeyId }))._unsafeUnwrap();
      expect(Buffer.from(response.PublicKey)).toEqual(
        publicKey.export({ format: "der", type: "spki" }),
      );
      expect(response).toMatchObject({
        KeyId: arnOf(KeyId),
        KeySpec: spec,
        CustomerMasterKeySpec: spec,
        KeyUsage: "SIGN_VERIFY",
      });
      expect(response.SigningAlgorithms).toHaveLength(1);
      expect(response.EncryptionAlgorithms).toBeUndefined();
    },
  );

  it("lists the RSA encryption algorithms of an RSA encryption key", async () => {
    const { kms } = newKms();
    const KeyId = await importedKeyOfSpec(kms, "RSA_2048", "ENCRYPT_DECRYPT", rsaPrivateKey(2048));
    const response = (await kms.getPublicKey({ KeyId }))._unsafeUnwrap();
    expect(response.EncryptionAlgorithms).toEqual(["RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256"]);
    expect(response.SigningAlgorithms).toBeUndefined();
  });

  it("refuses a symmetric key and an HMAC key with UnsupportedOperationException", async () => {
    const { kms, enabledKey } = newKms();
    const symmetric = (await enabledKey()).KeyId;
    const hmac = await importedKeyOfSpec(kms, "HMAC_256", "GENERATE_VERIFY_MAC", randomBytes(32));
    const error = expectError(
      await kms.getPublicKey({ KeyId: symmetric }),
      "UnsupportedOperationException",
    );
    expect(error.message).toBe(
      `${arnOf(symmetric)} key spec is SYMMETRIC_DEFAULT which is not valid for GetPublicKey.`,
    );
    expectError(await kms.getPublicKey({ KeyId: hmac }), "UnsupportedOperationException");
  });

  it("says a key whose material is not imported yet is pending import", async () => {
    const { kms } = newKms();
    const { KeyId } = (
      await kms.createKey({ Origin: "EXTERNAL", KeySpec: "ECC_NIST_P256", KeyUsage: "SIGN_VERIFY" })
    )._unsafeUnwrap().KeyMetadata;
    const error = expectError(await kms.getPublicKey({ KeyId }), "KMSInvalidStateException");
    expect(error.message).toBe(`${arnOf(KeyId)} is pending import.`);
  });
});

describe("Sign and Verify", () => {
  const hashOf = (algorithm: string) => `sha${algorithm.slice(-3)}`;

  it.each([
    ["ECC_NIST_P256", "ECDSA_SHA_256"],
    ["ECC_NIST_P384", "ECDSA_SHA_384"],
    ["ECC_NIST_P521", "ECDSA_SHA_512"],
    ["ECC_SECG_P256K1", "ECDSA_SHA_256"],
  ] as const)(
    "a %s key signs with %s, and the signature verifies outside kms-byok and in it",
    async (spec, SigningAlgorithm) => {
      const { kms } = newKms();
      const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: curveOf[spec] });
      const KeyId = await importedKeyOfSpec(kms, spec, "SIGN_VERIFY", privateKey);
      const signed = (
        await kms.sign({ KeyId, Message: message, SigningAlgorithm })
      )._unsafeUnwrap();
      expect(signed).toMatchObject({ KeyId: arnOf(KeyId), SigningAlgorithm });
      expect(nodeVerify(hashOf(SigningAlgorithm), message, publicKey, signed.Signature)).toBe(true);
      const outside = nodeSign(hashOf(SigningAlgorithm), message, privateKey);
      expect(
        (
          await kms.verify({ KeyId, Message: message, Signature: outside, SigningAlgorithm })
        )._unsafeUnwrap(),
      ).toEqual({ KeyId: arnOf(KeyId), SignatureValid: true, SigningAlgorithm });
    },
  );

  it.each([
    "RSASSA_PSS_SHA_256",
    "RSASSA_PSS_SHA_384",
    "RSASSA_PSS_SHA_512",
    "RSASSA_PKCS1_V1_5_SHA_256",
    "RSASSA_PKCS1_V1_5_SHA_384",
    "RSASSA_PKCS1_V1_5_SHA_512",
  ] as const)(
    "an RSA signing key signs a message and its digest with %s, verifiable outside kms-byok",
    async (SigningAlgorithm) => {
      const { kms } = newKms();
      const privateKey = rsaPrivateKey(2048);
      const publicKey = createPublicKey(privateKey);
      const KeyId = await importedKeyOfSpec(kms, "RSA_2048", "SIGN_VERIFY", privateKey);
      const pss = SigningAlgorithm.startsWith("RSASSA_PSS");
      const options = pss ? { key: publicKey, padding: 6, saltLength: -1 } : publicKey;
      const digest = createHash(hashOf(SigningAlgorithm)).update(message).digest();
      for (const [Message, MessageType] of [
        [message, "RAW"],
        [digest, "DIGEST"],
      ] as const) {
        const { Signature } = (
          await kms.sign({ KeyId, Message, MessageType, SigningAlgorithm })
        )._unsafeUnwrap();
        expect(nodeVerify(hashOf(SigningAlgorithm), message, options, Signature)).toBe(true);
        const verified = await kms.verify({
          KeyId,
          Message,
          MessageType,
          Signature,
          SigningAlgorithm,
        });
        expect(verified._unsafeUnwrap().SignatureValid).toBe(true);
      }
    },
  );

  it.each([
    ["ECC_NIST_P256", "ECDSA_SHA_256"],
    ["ECC_NIST_P521", "ECDSA_SHA_512"],
  ] as const)(
    "a %s key signs a digest with %s as it signs the message",
    async (spec, SigningAlgorithm) => {
      const { kms } = newKms();
      const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: curveOf[spec] });
      const KeyId = await importedKeyOfSpec(kms, spec, "SIGN_VERIFY", privateKey);
      const digest = createHash(hashOf(SigningAlgorithm)).update(message).digest();
      const { Signature } = (
        await kms.sign({ KeyId, Message: digest, MessageType: "DIGEST", SigningAlgorithm })
      )._unsafeUnwrap();
      expect(nodeVerify(hashOf(SigningAlgorithm), message, publicKey, Signature)).toBe(true);
      const request = { KeyId, Signature, SigningAlgorithm };
      expect(
        (await kms.verify({ ...request, Message: digest, MessageType: "DIGEST" }))._unsafeUnwrap()
          .SignatureValid,
      ).toBe(true);
      expect(
        (await kms.verify({ ...request, Message: message }))._unsafeUnwrap().SignatureValid,
      ).toBe(true);
    },
  );

  it("refuses a signature of another message with KMSInvalidSignatureException", async () => {
    const { kms } = newKms();
    const { privateKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
    const KeyId = await importedKeyOfSpec(kms, "ECC_NIST_P256", "SIGN_VERIFY", privateKey);
    const SigningAlgorithm = "ECDSA_SHA_256";
    const { Signature } = (
      await kms.sign({ KeyId, Message: message, SigningAlgorithm })
    )._unsafeUnwrap();
    expectError(
      await kms.verify({ KeyId, Message: randomBytes(8), Signature, SigningAlgorithm }),
      "KMSInvalidSignatureException",
    );
  });

  it("refuses a digest of the wrong length in AWS's words", async () => {
    const { kms } = newKms();
    const { privateKey } = generateKeyPairSync("ec", { namedCurve: "secp384r1" });
    const KeyId = await importedKeyOfSpec(kms, "ECC_NIST_P384", "SIGN_VERIFY", privateKey);
    const error = expectError(
      await kms.sign({
        KeyId,
        Message: randomBytes(32),
        MessageType: "DIGEST",
        SigningAlgorithm: "ECDSA_SHA_384",
      }),
      "ValidationException",
    );
    expect(error.message).toBe("Digest is invalid length for algorithm ECDSA_SHA_384.");
  });

  it("refuses an algorithm the key does not offer with InvalidKeyUsageException", async () => {
    const { kms } = newKms();
    const { privateKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
    const KeyId = await importedKeyOfSpec(kms, "ECC_NIST_P256", "SIGN_VERIFY", privateKey);
    const error = expectError(
      await kms.sign({ KeyId, Message: message, SigningAlgorithm: "RSASSA_PSS_SHA_256" }),
      "InvalidKeyUsageException",
    );
    expect(error.message).toBe(
      "Algorithm RSASSA_PSS_SHA_256 is incompatible with key spec ECC_NIST_P256.",
    );
  });

  it("refuses a symmetric key and an HMAC key in AWS's words", async () => {
    const { kms, enabledKey } = newKms();
    const symmetric = (await enabledKey()).KeyId;
    const hmac = await importedKeyOfSpec(kms, "HMAC_256", "GENERATE_VERIFY_MAC", randomBytes(32));
    const request = { Message: message, SigningAlgorithm: "ECDSA_SHA_256" } as const;
    expect(
      expectError(await kms.sign({ KeyId: symmetric, ...request }), "InvalidKeyUsageException")
        .message,
    ).toBe(`${arnOf(symmetric)} key usage is ENCRYPT_DECRYPT which is not valid for Sign.`);
    expect(
      expectError(
        await kms.verify({ KeyId: hmac, ...request, Signature: randomBytes(64) }),
        "InvalidKeyUsageException",
      ).message,
    ).toBe(`${arnOf(hmac)} key usage is GENERATE_VERIFY_MAC which is not valid for Verify.`);
  });
});

describe("GenerateMac and VerifyMac", () => {
  it.each([
    ["HMAC_224", "HMAC_SHA_224", "sha224", 28],
    ["HMAC_256", "HMAC_SHA_256", "sha256", 32],
    ["HMAC_384", "HMAC_SHA_384", "sha384", 48],
    ["HMAC_512", "HMAC_SHA_512", "sha512", 64],
  ] as const)(
    "an %s key computes the %s of the imported material, and verifies it",
    async (spec, MacAlgorithm, hash, bytes) => {
      const { kms } = newKms();
      const material = randomBytes(bytes);
      const KeyId = await importedKeyOfSpec(kms, spec, "GENERATE_VERIFY_MAC", material, {
        WrappingAlgorithm: "RSAES_OAEP_SHA_256",
        WrappingKeySpec: "RSA_4096",
      });
      const { Mac, ...rest } = (
        await kms.generateMac({ KeyId, Message: message, MacAlgorithm })
      )._unsafeUnwrap();
      expect(Buffer.from(Mac)).toEqual(createHmac(hash, material).update(message).digest());
      expect(rest).toEqual({ KeyId: arnOf(KeyId), MacAlgorithm });
      expect(
        (await kms.verifyMac({ KeyId, Message: message, Mac, MacAlgorithm }))._unsafeUnwrap(),
      ).toEqual({ KeyId: arnOf(KeyId), MacValid: true, MacAlgorithm });
    },
  );

  it("refuses a MAC of another message with KMSInvalidMacException", async () => {
    const { kms } = newKms();
    const KeyId = await importedKeyOfSpec(kms, "HMAC_256", "GENERATE_VERIFY_MAC", randomBytes(32));
    const { Mac } = (
      await kms.generateMac({ KeyId, Message: message, MacAlgorithm: "HMAC_SHA_256" })
    )._unsafeUnwrap();
    expectError(
      await kms.verifyMac({ KeyId, Message: randomBytes(4), Mac, MacAlgorithm: "HMAC_SHA_256" }),
      "KMSInvalidMacException",
    );
  });

  it("refuses another spec's algorithm in AWS's words", async () => {
    const { kms } = newKms();
    const KeyId = await importedKeyOfSpec(kms, "HMAC_224", "GENERATE_VERIFY_MAC", randomBytes(28));
    const error = expectError(
      await kms.generateMac({ KeyId, Message: message, MacAlgorithm: "HMAC_SHA_256" }),
      "InvalidKeyUsageException",
    );
    expect(error.message).toBe("Algorithm HMAC_SHA_256 is incompatible with key spec HMAC_224.");
  });

  it("refuses a symmetric encryption key in AWS's words", async () => {
    const { kms, enabledKey } = newKms();
    const { KeyId } = await enabledKey();
    const error = expectError(
      await kms.generateMac({ KeyId, Message: message, MacAlgorithm: "HMAC_SHA_256" }),
      "InvalidKeyUsageException",
    );
    expect(error.message).toBe(
      `${arnOf(KeyId)} key usage is ENCRYPT_DECRYPT which is not valid for GenerateMac.`,
    );
  });
});

describe("Encrypt and Decrypt with an RSA key", () => {
  it.each([
    [2048, "RSAES_OAEP_SHA_256", 190],
    [2048, "RSAES_OAEP_SHA_1", 214],
    [3072, "RSAES_OAEP_SHA_256", 318],
    [4096, "RSAES_OAEP_SHA_1", 470],
  ] as const)(
    "an RSA_%i key encrypts up to its limit with %s (%i bytes), and decrypts",
    async (bits, EncryptionAlgorithm, limit) => {
      const { kms } = newKms();
      const KeyId = await importedKeyOfSpec(
        kms,
        `RSA_${bits}`,
        "ENCRYPT_DECRYPT",
        rsaPrivateKey(bits),
      );
      const Plaintext = randomBytes(limit);
      const encrypted = (
        await kms.encrypt({ KeyId, Plaintext, EncryptionAlgorithm })
      )._unsafeUnwrap();
      expect(encrypted.EncryptionAlgorithm).toBe(EncryptionAlgorithm);
      expect(encrypted.CiphertextBlob).toHaveLength(bits / 8);
      const decrypted = (
        await kms.decrypt({ KeyId, CiphertextBlob: encrypted.CiphertextBlob, EncryptionAlgorithm })
      )._unsafeUnwrap();
      expect(Buffer.from(decrypted.Plaintext)).toEqual(Plaintext);
      expect(decrypted).not.toHaveProperty("KeyMaterialId");
      const error = expectError(
        await kms.encrypt({ KeyId, Plaintext: randomBytes(limit + 1), EncryptionAlgorithm }),
        "ValidationException",
      );
      expect(error.message).toBe(
        `Algorithm ${EncryptionAlgorithm} and key spec RSA_${bits} cannot encrypt data larger than ${limit} bytes.`,
      );
    },
  );

  it("refuses SYMMETRIC_DEFAULT, the default, for an RSA key", async () => {
    const { kms } = newKms();
    const KeyId = await importedKeyOfSpec(kms, "RSA_2048", "ENCRYPT_DECRYPT", rsaPrivateKey(2048));
    const error = expectError(
      await kms.encrypt({ KeyId, Plaintext: message }),
      "InvalidKeyUsageException",
    );
    expect(error.message).toBe(
      "Algorithm SYMMETRIC_DEFAULT is incompatible with key spec RSA_2048.",
    );
  });

  it("refuses an encryption context for an RSA key", async () => {
    const { kms } = newKms();
    const KeyId = await importedKeyOfSpec(kms, "RSA_2048", "ENCRYPT_DECRYPT", rsaPrivateKey(2048));
    expectError(
      await kms.encrypt({
        KeyId,
        Plaintext: message,
        EncryptionAlgorithm: "RSAES_OAEP_SHA_256",
        EncryptionContext: { purpose: "test" },
      }),
      "ValidationException",
    );
  });

  it("re-encrypts from an RSA key to a symmetric key and back", async () => {
    const { kms, enabledKey } = newKms();
    const rsa = await importedKeyOfSpec(kms, "RSA_3072", "ENCRYPT_DECRYPT", rsaPrivateKey(3072));
    const symmetric = (await enabledKey()).KeyId;
    const Plaintext = randomBytes(100);
    const { CiphertextBlob } = (
      await kms.encrypt({ KeyId: rsa, Plaintext, EncryptionAlgorithm: "RSAES_OAEP_SHA_1" })
    )._unsafeUnwrap();
    const toSymmetric = (
      await kms.reEncrypt({
        CiphertextBlob,
        SourceKeyId: rsa,
        SourceEncryptionAlgorithm: "RSAES_OAEP_SHA_1",
        DestinationKeyId: symmetric,
      })
    )._unsafeUnwrap();
    expect(toSymmetric).toMatchObject({
      SourceEncryptionAlgorithm: "RSAES_OAEP_SHA_1",
      DestinationEncryptionAlgorithm: "SYMMETRIC_DEFAULT",
    });
    expect(toSymmetric).not.toHaveProperty("SourceKeyMaterialId");
    const back = (
      await kms.reEncrypt({
        CiphertextBlob: toSymmetric.CiphertextBlob,
        DestinationKeyId: rsa,
        DestinationEncryptionAlgorithm: "RSAES_OAEP_SHA_256",
      })
    )._unsafeUnwrap();
    const decrypted = (
      await kms.decrypt({
        KeyId: rsa,
        CiphertextBlob: back.CiphertextBlob,
        EncryptionAlgorithm: "RSAES_OAEP_SHA_256",
      })
    )._unsafeUnwrap();
    expect(Buffer.from(decrypted.Plaintext)).toEqual(Plaintext);
  });

  it("refuses a signing key for Encrypt and an HMAC key for Decrypt in AWS's words", async () => {
    const { kms } = newKms();
    const { privateKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
    const signing = await importedKeyOfSpec(kms, "ECC_NIST_P256", "SIGN_VERIFY", privateKey);
    const hmac = await importedKeyOfSpec(kms, "HMAC_256", "GENERATE_VERIFY_MAC", randomBytes(32));
    expect(
      expectError(
        await kms.encrypt({ KeyId: signing, Plaintext: message }),
        "InvalidKeyUsageException",
      ).message,
    ).toBe(`${arnOf(signing)} key usage is SIGN_VERIFY which is not valid for Encrypt.`);
    expect(
      expectError(
        await kms.decrypt({ KeyId: hmac, CiphertextBlob: randomBytes(64) }),
        "IncorrectKeyException",
      ).message,
    ).toBe("The key ID in the request does not identify a CMK that can perform this operation.");
  });

  it("refuses GenerateDataKey with an RSA key and with an HMAC key", async () => {
    const { kms } = newKms();
    const rsa = await importedKeyOfSpec(kms, "RSA_2048", "ENCRYPT_DECRYPT", rsaPrivateKey(2048));
    const hmac = await importedKeyOfSpec(kms, "HMAC_384", "GENERATE_VERIFY_MAC", randomBytes(48));
    expect(
      expectError(
        await kms.generateDataKey({ KeyId: rsa, KeySpec: "AES_256" }),
        "InvalidKeyUsageException",
      ).message,
    ).toBe(`${arnOf(rsa)} key KeySpec is RSA_2048 which is not valid for GenerateDataKey.`);
    expect(
      expectError(
        await kms.generateDataKeyWithoutPlaintext({ KeyId: hmac, NumberOfBytes: 32 }),
        "InvalidKeyUsageException",
      ).message,
    ).toBe(
      `${arnOf(hmac)} key usage is GENERATE_VERIFY_MAC which is not valid for GenerateDataKeyWithoutPlaintext.`,
    );
  });
});
