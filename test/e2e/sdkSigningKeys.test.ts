import {
  constants,
  createHash,
  createHmac,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  verify as nodeVerify,
  privateDecrypt,
  publicEncrypt,
  randomBytes,
} from "node:crypto";
import {
  type CreateKeyCommandOutput,
  type ImportKeyMaterialCommandOutput,
  type KeySpec,
  type KeyUsageType,
  type KMS,
  KMSInvalidMacException,
  KMSInvalidSignatureException,
} from "@aws-sdk/client-kms";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { wrapKeyMaterial } from "../../src/client/wrapKeyMaterial.js";
import { type KmsEndpoint, sdkKms, startKmsEndpoint } from "../support/kmsEndpoint.js";
import { answer, error400, fails } from "./support/sdkAnswers.js";
import { arnOf, rejection } from "./support/sdkImports.js";

// HMAC, RSA and ECC keys with imported material through @aws-sdk/client-kms against an endpoint
// started with the current behaviour profile: the customer's side is CreateKey with a KeySpec,
// GetParametersForImport, wrapKeyMaterial (the private key as PKCS#8) and ImportKeyMaterial; the
// checks outside kms-byok are node:crypto's. The classic profile refuses such a key.

let current: KmsEndpoint;
let classic: KmsEndpoint;
let kms: KMS;
let classicKms: KMS;

beforeAll(async () => {
  current = await startKmsEndpoint({ behaviour: "current" });
  classic = await startKmsEndpoint();
  kms = sdkKms(current.url);
  classicKms = sdkKms(classic.url);
});

afterAll(async () => {
  kms.destroy();
  classicKms.destroy();
  await Promise.all([current.close(), classic.close()]);
});

type WrappingAlgorithm =
  | "RSAES_OAEP_SHA_256"
  | "RSAES_OAEP_SHA_1"
  | "RSA_AES_KEY_WRAP_SHA_256"
  | "RSA_AES_KEY_WRAP_SHA_1";

/** What the customer's steps of one import saw. */
interface Imported {
  readonly KeyId: string;
  readonly created: CreateKeyCommandOutput;
  readonly imported: ImportKeyMaterialCommandOutput;
}

/**
 * CreateKey (Origin EXTERNAL, `KeySpec`, `KeyUsage`) → GetParametersForImport (`WrappingAlgorithm`,
 * RSA_2048) → wrapKeyMaterial of `material` → ImportKeyMaterial that does not expire.
 */
async function importKey(
  KeySpec: KeySpec,
  KeyUsage: KeyUsageType,
  material: KeyObject | Uint8Array,
  WrappingAlgorithm: WrappingAlgorithm = "RSA_AES_KEY_WRAP_SHA_256",
): Promise<Imported> {
  const created = await kms.createKey({ Origin: "EXTERNAL", KeySpec, KeyUsage });
  const KeyId = created.KeyMetadata?.KeyId ?? "";
  const params = await kms.getParametersForImport({
    KeyId,
    WrappingAlgorithm,
    WrappingKeySpec: "RSA_2048",
  });
  const EncryptedKeyMaterial = wrapKeyMaterial({
    publicKey: params.PublicKey ?? new Uint8Array(),
    wrappingAlgorithm: WrappingAlgorithm,
    keyMaterial: material,
  })._unsafeUnwrap();
  const imported = await kms.importKeyMaterial({
    KeyId,
    ImportToken: params.ImportToken,
    EncryptedKeyMaterial,
    ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE",
  });
  return { KeyId, created, imported };
}

const message = new TextEncoder().encode("The quick brown fox jumps over the lazy dog");
const spki = (key: KeyObject): Buffer => key.export({ format: "der", type: "spki" });

describe("an ECC_NIST_P256 SIGN_VERIFY key with imported material", () => {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  let p256: Imported;

  beforeAll(async () => {
    p256 = await importKey("ECC_NIST_P256", "SIGN_VERIFY", privateKey);
  });

  it("CreateKey shows it PendingImport with ECDSA_SHA_256, and ImportKeyMaterial answers the key ARN and a key material ID", () => {
    expect(p256.created.KeyMetadata).toMatchObject({
      KeyId: p256.KeyId,
      KeySpec: "ECC_NIST_P256",
      CustomerMasterKeySpec: "ECC_NIST_P256",
      KeyUsage: "SIGN_VERIFY",
      Origin: "EXTERNAL",
      KeyState: "PendingImport",
      Enabled: false,
      SigningAlgorithms: ["ECDSA_SHA_256"],
    });
    expect(answer(p256.imported)).toEqual({
      KeyId: arnOf(p256.KeyId),
      KeyMaterialId: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it("DescribeKey after the import shows it Enabled with SigningAlgorithms, no expiry and no CurrentKeyMaterialId", async () => {
    const { KeyMetadata } = await kms.describeKey({ KeyId: p256.KeyId });

    expect(KeyMetadata).toMatchObject({
      KeyState: "Enabled",
      Enabled: true,
      KeySpec: "ECC_NIST_P256",
      KeyUsage: "SIGN_VERIFY",
      ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE",
      SigningAlgorithms: ["ECDSA_SHA_256"],
    });
    expect(KeyMetadata?.CurrentKeyMaterialId).toBeUndefined();
    expect(KeyMetadata?.EncryptionAlgorithms).toBeUndefined();
    expect(KeyMetadata?.MacAlgorithms).toBeUndefined();
    expect(KeyMetadata?.ValidTo).toBeUndefined();
  });

  it("GetPublicKey returns exactly the SPKI DER of the imported private key's public half", async () => {
    const { PublicKey, ...rest } = answer(await kms.getPublicKey({ KeyId: p256.KeyId }));

    expect(Buffer.from(PublicKey ?? [])).toEqual(spki(publicKey));
    expect(rest).toEqual({
      KeyId: arnOf(p256.KeyId),
      KeySpec: "ECC_NIST_P256",
      CustomerMasterKeySpec: "ECC_NIST_P256",
      KeyUsage: "SIGN_VERIFY",
      SigningAlgorithms: ["ECDSA_SHA_256"],
    });
  });

  it("Sign with ECDSA_SHA_256 makes a signature that Verify accepts and node:crypto verifies with GetPublicKey's key, for a RAW message and for its DIGEST", async () => {
    const { PublicKey } = await kms.getPublicKey({ KeyId: p256.KeyId });
    const downloaded = createPublicKey({
      key: Buffer.from(PublicKey ?? []),
      format: "der",
      type: "spki",
    });
    const digest = createHash("sha256").update(message).digest();
    const SigningAlgorithm = "ECDSA_SHA_256";

    for (const [Message, MessageType] of [
      [message, "RAW"],
      [digest, "DIGEST"],
    ] as const) {
      const signed = answer(
        await kms.sign({ KeyId: p256.KeyId, Message, MessageType, SigningAlgorithm }),
      );
      expect(signed).toEqual({
        KeyId: arnOf(p256.KeyId),
        Signature: expect.any(Uint8Array),
        SigningAlgorithm,
      });
      const Signature = signed.Signature ?? new Uint8Array();
      expect(nodeVerify("sha256", message, downloaded, Signature)).toBe(true);
      expect(
        answer(
          await kms.verify({
            KeyId: p256.KeyId,
            Message,
            MessageType,
            Signature,
            SigningAlgorithm,
          }),
        ),
      ).toEqual({ KeyId: arnOf(p256.KeyId), SignatureValid: true, SigningAlgorithm });
    }
  });

  it("Verify answers a tampered signature with the SDK's KMSInvalidSignatureException (HTTP 400)", async () => {
    const SigningAlgorithm = "ECDSA_SHA_256";
    const { Signature } = await kms.sign({
      KeyId: p256.KeyId,
      Message: message,
      SigningAlgorithm,
    });
    const tampered = Uint8Array.from(Signature ?? []);
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 0x01;

    const error = await rejection(
      kms.verify({ KeyId: p256.KeyId, Message: message, Signature: tampered, SigningAlgorithm }),
    );

    expect(error).toBeInstanceOf(KMSInvalidSignatureException);
    expect({ name: error.name, status: error.$metadata.httpStatusCode }).toEqual({
      name: "KMSInvalidSignatureException",
      status: 400,
    });
    expect(error.message).toBe(
      `The signature is not ECDSA_SHA_256's signature of this message under ${arnOf(p256.KeyId)}.`,
    );
  });
});

describe("an RSA_2048 SIGN_VERIFY key imported with RSA_AES_KEY_WRAP_SHA_256", () => {
  it("takes the PKCS#8 private key, offers the six RSASSA algorithms, and signs with PSS (salt as long as the hash) what node:crypto and Verify accept", async () => {
    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const { KeyId, imported } = await importKey("RSA_2048", "SIGN_VERIFY", privateKey);
    expect(answer(imported).KeyId).toBe(arnOf(KeyId));
    const { PublicKey, SigningAlgorithms } = await kms.getPublicKey({ KeyId });
    expect(Buffer.from(PublicKey ?? [])).toEqual(spki(publicKey));
    expect(SigningAlgorithms).toEqual([
      "RSASSA_PSS_SHA_256",
      "RSASSA_PSS_SHA_384",
      "RSASSA_PSS_SHA_512",
      "RSASSA_PKCS1_V1_5_SHA_256",
      "RSASSA_PKCS1_V1_5_SHA_384",
      "RSASSA_PKCS1_V1_5_SHA_512",
    ]);
    const pss = {
      key: publicKey,
      padding: constants.RSA_PKCS1_PSS_PADDING,
      saltLength: constants.RSA_PSS_SALTLEN_DIGEST,
    };

    for (const [SigningAlgorithm, hash] of [
      ["RSASSA_PSS_SHA_256", "sha256"],
      ["RSASSA_PSS_SHA_512", "sha512"],
    ] as const) {
      const digest = createHash(hash).update(message).digest();
      for (const [Message, MessageType] of [
        [message, "RAW"],
        [digest, "DIGEST"],
      ] as const) {
        const { Signature } = await kms.sign({ KeyId, Message, MessageType, SigningAlgorithm });
        expect(Signature).toHaveLength(256);
        expect(nodeVerify(hash, message, pss, Signature ?? new Uint8Array())).toBe(true);
        expect(
          (await kms.verify({ KeyId, Message, MessageType, Signature, SigningAlgorithm }))
            .SignatureValid,
        ).toBe(true);
      }
    }
  });
});

describe("an RSA_2048 SIGN_VERIFY key waiting for its material", () => {
  it("GetParametersForImport refuses RSAES_OAEP_SHA_256 with UnsupportedOperationException, since an RSA private key does not fit RSA-OAEP", async () => {
    const created = await kms.createKey({
      Origin: "EXTERNAL",
      KeySpec: "RSA_2048",
      KeyUsage: "SIGN_VERIFY",
    });
    const KeyId = created.KeyMetadata?.KeyId ?? "";

    expect(
      await fails(
        kms.getParametersForImport({
          KeyId,
          WrappingAlgorithm: "RSAES_OAEP_SHA_256",
          WrappingKeySpec: "RSA_4096",
        }),
      ),
    ).toEqual(
      error400(
        "UnsupportedOperationException",
        `${arnOf(KeyId)} is an RSA_2048 key: RSA private key material must be wrapped with RSA_AES_KEY_WRAP_SHA_1 or RSA_AES_KEY_WRAP_SHA_256, not RSAES_OAEP_SHA_256.`,
      ),
    );
  });
});

describe("an HMAC_256 GENERATE_VERIFY_MAC key with imported material", () => {
  const material = new Uint8Array(randomBytes(32));
  let KeyId = "";

  beforeAll(async () => {
    ({ KeyId } = await importKey(
      "HMAC_256",
      "GENERATE_VERIFY_MAC",
      material,
      "RSAES_OAEP_SHA_256",
    ));
  });

  it("GenerateMac gives the HMAC-SHA-256 of the message under the imported bytes, and VerifyMac accepts it", async () => {
    const MacAlgorithm = "HMAC_SHA_256";
    const generated = answer(await kms.generateMac({ KeyId, Message: message, MacAlgorithm }));

    expect(generated).toEqual({
      KeyId: arnOf(KeyId),
      Mac: expect.any(Uint8Array),
      MacAlgorithm,
    });
    expect(Buffer.from(generated.Mac ?? [])).toEqual(
      createHmac("sha256", material).update(message).digest(),
    );
    expect(
      answer(await kms.verifyMac({ KeyId, Message: message, Mac: generated.Mac, MacAlgorithm })),
    ).toEqual({ KeyId: arnOf(KeyId), MacValid: true, MacAlgorithm });
    const { KeyMetadata } = await kms.describeKey({ KeyId });
    expect(KeyMetadata).toMatchObject({ KeyState: "Enabled", MacAlgorithms: [MacAlgorithm] });
  });

  it("VerifyMac answers a MAC of another message with the SDK's KMSInvalidMacException (HTTP 400)", async () => {
    const MacAlgorithm = "HMAC_SHA_256";
    const { Mac } = await kms.generateMac({ KeyId, Message: message, MacAlgorithm });

    const error = await rejection(
      kms.verifyMac({ KeyId, Message: new TextEncoder().encode("another"), Mac, MacAlgorithm }),
    );

    expect(error).toBeInstanceOf(KMSInvalidMacException);
    expect({ name: error.name, status: error.$metadata.httpStatusCode }).toEqual({
      name: "KMSInvalidMacException",
      status: 400,
    });
    expect(error.message).toBe(
      `The MAC is not the HMAC_SHA_256 of this message under ${arnOf(KeyId)}.`,
    );
  });
});

describe("an RSA_2048 ENCRYPT_DECRYPT key with imported material", () => {
  it("Encrypt with RSAES_OAEP_SHA_256 gives a ciphertext that Decrypt (with KeyId) and node:crypto's private key decrypt, and Decrypt opens node:crypto's ciphertext under GetPublicKey's key", async () => {
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const { KeyId } = await importKey("RSA_2048", "ENCRYPT_DECRYPT", privateKey);
    const EncryptionAlgorithm = "RSAES_OAEP_SHA_256";
    const Plaintext = new TextEncoder().encode("secret under an imported RSA key");

    const encrypted = answer(await kms.encrypt({ KeyId, Plaintext, EncryptionAlgorithm }));
    expect(encrypted).toEqual({
      KeyId: arnOf(KeyId),
      CiphertextBlob: expect.any(Uint8Array),
      EncryptionAlgorithm,
    });
    expect(encrypted.CiphertextBlob).toHaveLength(256);
    const oaep = { padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: "sha256" };
    expect(
      privateDecrypt({ key: privateKey, ...oaep }, encrypted.CiphertextBlob ?? new Uint8Array()),
    ).toEqual(Buffer.from(Plaintext));
    const decrypted = answer(
      await kms.decrypt({
        KeyId,
        CiphertextBlob: encrypted.CiphertextBlob,
        EncryptionAlgorithm,
      }),
    );
    expect(decrypted).toEqual({ KeyId: arnOf(KeyId), Plaintext, EncryptionAlgorithm });

    const { PublicKey } = await kms.getPublicKey({ KeyId });
    const downloaded = createPublicKey({
      key: Buffer.from(PublicKey ?? []),
      format: "der",
      type: "spki",
    });
    const outside = publicEncrypt({ key: downloaded, ...oaep }, Plaintext);
    const opened = await kms.decrypt({ KeyId, CiphertextBlob: outside, EncryptionAlgorithm });
    expect(opened.Plaintext).toEqual(Plaintext);
  });
});

describe("the classic profile", () => {
  it("refuses CreateKey with KeySpec ECC_NIST_P256 and KeyUsage SIGN_VERIFY with UnsupportedOperationException", async () => {
    expect(
      await fails(
        classicKms.createKey({
          Origin: "EXTERNAL",
          KeySpec: "ECC_NIST_P256",
          KeyUsage: "SIGN_VERIFY",
        }),
      ),
    ).toEqual(
      error400(
        "UnsupportedOperationException",
        "kms-byok does not support KeySpec ECC_NIST_P256: it models single-Region symmetric encryption keys (KeySpec SYMMETRIC_DEFAULT, KeyUsage ENCRYPT_DECRYPT) with Origin EXTERNAL or AWS_KMS.",
      ),
    );
    const { Keys } = await classicKms.listKeys({});
    expect(Keys).toEqual([]);
  });
});

describe("deleting the imported material of an ECC_SECG_P256K1 key", () => {
  it("DeleteImportedKeyMaterial answers the material's ID, returns the key to PendingImport, and reimporting the same private key makes it sign again under the same public key", async () => {
    const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "secp256k1" });
    const { KeyId, imported } = await importKey("ECC_SECG_P256K1", "SIGN_VERIFY", privateKey);

    expect(answer(await kms.deleteImportedKeyMaterial({ KeyId }))).toEqual({
      KeyId: arnOf(KeyId),
      KeyMaterialId: imported.KeyMaterialId,
    });
    const { KeyMetadata } = await kms.describeKey({ KeyId });
    expect(KeyMetadata).toMatchObject({
      KeyState: "PendingImport",
      Enabled: false,
      SigningAlgorithms: ["ECDSA_SHA_256"],
    });
    expect(await fails(kms.getPublicKey({ KeyId }))).toEqual(
      error400("KMSInvalidStateException", `${arnOf(KeyId)} is pending import.`),
    );

    const params = await kms.getParametersForImport({
      KeyId,
      WrappingAlgorithm: "RSAES_OAEP_SHA_256",
      WrappingKeySpec: "RSA_2048",
    });
    await kms.importKeyMaterial({
      KeyId,
      ImportToken: params.ImportToken,
      EncryptedKeyMaterial: wrapKeyMaterial({
        publicKey: params.PublicKey ?? new Uint8Array(),
        wrappingAlgorithm: "RSAES_OAEP_SHA_256",
        keyMaterial: privateKey,
      })._unsafeUnwrap(),
      ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE",
    });
    const { PublicKey } = await kms.getPublicKey({ KeyId });
    expect(Buffer.from(PublicKey ?? [])).toEqual(spki(publicKey));
    const { Signature } = await kms.sign({
      KeyId,
      Message: message,
      SigningAlgorithm: "ECDSA_SHA_256",
    });
    expect(nodeVerify("sha256", message, publicKey, Signature ?? new Uint8Array())).toBe(true);
  });

  it("refuses to reimport another private key of the same curve with IncorrectKeyMaterialException", async () => {
    const { privateKey } = generateKeyPairSync("ec", { namedCurve: "secp256k1" });
    const { KeyId } = await importKey("ECC_SECG_P256K1", "SIGN_VERIFY", privateKey);
    await kms.deleteImportedKeyMaterial({ KeyId });
    const other = generateKeyPairSync("ec", { namedCurve: "secp256k1" }).privateKey;
    const params = await kms.getParametersForImport({
      KeyId,
      WrappingAlgorithm: "RSA_AES_KEY_WRAP_SHA_256",
      WrappingKeySpec: "RSA_2048",
    });

    const refused = await fails(
      kms.importKeyMaterial({
        KeyId,
        ImportToken: params.ImportToken,
        EncryptedKeyMaterial: wrapKeyMaterial({
          publicKey: params.PublicKey ?? new Uint8Array(),
          wrappingAlgorithm: "RSA_AES_KEY_WRAP_SHA_256",
          keyMaterial: other,
        })._unsafeUnwrap(),
        ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE",
      }),
    );

    expect(refused).toEqual(
      error400(
        "IncorrectKeyMaterialException",
        `The key material is not the key material previously imported into ${arnOf(KeyId)}. Only the same key material can be reimported; different key material needs a new KMS key.`,
      ),
    );
    expect((await kms.describeKey({ KeyId })).KeyMetadata?.KeyState).toBe("PendingImport");
  });
});
