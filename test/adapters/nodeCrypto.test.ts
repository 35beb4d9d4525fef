import { createPublicKey, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { deriveKeyMaterialId } from "../../src/adapters/deriveKeyMaterialId.js";
import { nodeCrypto } from "../../src/adapters/nodeCrypto.js";
import { wrapKeyMaterial } from "../../src/client/wrapKeyMaterial.js";
import type { KeyId } from "../../src/domain/keyId.js";
import { expectError, material } from "../support/kmsHarness.js";

const keyId = "1234abcd-12ab-34cd-56ef-1234567890ab" as KeyId;

function parse(publicKey: Uint8Array) {
  return createPublicKey({ key: Buffer.from(publicKey), format: "der", type: "spki" });
}

describe("nodeCrypto", () => {
  it("generates an RSA_2048 wrapping key pair as DER SubjectPublicKeyInfo with e = 65537", async () => {
    const { publicKey } = (await nodeCrypto().generateWrappingKeyPair("RSA_2048"))._unsafeUnwrap();

    const parsed = parse(publicKey);
    expect(parsed.asymmetricKeyType).toBe("rsa");
    expect(parsed.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(parsed.asymmetricKeyDetails?.publicExponent).toBe(65537n);
  });

  it("generates a distinct key pair on every call, in one instance and across instances", async () => {
    const one = nodeCrypto();
    const pairs = await Promise.all([
      one.generateWrappingKeyPair("RSA_2048"),
      one.generateWrappingKeyPair("RSA_2048"),
      nodeCrypto().generateWrappingKeyPair("RSA_2048"),
    ]);

    const hexes = pairs.map((pair) => Buffer.from(pair._unsafeUnwrap().publicKey).toString("hex"));
    expect(new Set(hexes).size).toBe(3);
  });

  it("opens, given the same root key, what another instance sealed", async () => {
    const rootKey = randomBytes(32);
    const secret = material();
    const sealed = (await nodeCrypto({ rootKey }).seal(secret, "purpose"))._unsafeUnwrap();

    const opened = await nodeCrypto({ rootKey }).unseal(sealed, "purpose");

    expect(Buffer.from(opened._unsafeUnwrap())).toEqual(secret);
  });

  it("unwraps, given the same root key, with a private key that another instance sealed", async () => {
    const rootKey = randomBytes(32);
    const { publicKey, sealedPrivateKey } = (
      await nodeCrypto({ rootKey }).generateWrappingKeyPair("RSA_2048")
    )._unsafeUnwrap();
    const keyMaterial = material();
    const encryptedKeyMaterial = wrapKeyMaterial({
      publicKey,
      wrappingAlgorithm: "RSA_AES_KEY_WRAP_SHA_256",
      keyMaterial,
    })._unsafeUnwrap();

    const unwrapped = await nodeCrypto({ rootKey }).unwrapKeyMaterial({
      keyId,
      wrapping: { wrappingAlgorithm: "RSA_AES_KEY_WRAP_SHA_256", wrappingKeySpec: "RSA_2048" },
      sealedPrivateKey,
      encryptedKeyMaterial,
    });

    expect(unwrapped._unsafeUnwrap().id).toBe(deriveKeyMaterialId(keyId, keyMaterial));
  });

  it("returns InvalidCiphertextException when an instance with another root key unseals", async () => {
    const sealed = (await nodeCrypto().seal(material(), "purpose"))._unsafeUnwrap();

    expectError(await nodeCrypto().unseal(sealed, "purpose"), "InvalidCiphertextException");
  });

  it("does not keep a reference to the caller's root key", async () => {
    const rootKey = randomBytes(32);
    const crypto = nodeCrypto({ rootKey });
    const secret = material();
    const sealed = (await crypto.seal(secret, "purpose"))._unsafeUnwrap();
    rootKey.fill(0);

    expect(Buffer.from((await crypto.unseal(sealed, "purpose"))._unsafeUnwrap())).toEqual(secret);
  });

  it.each([0, 16, 31, 33])("throws TypeError for a root key of %i bytes", (length) => {
    expect(() => nodeCrypto({ rootKey: randomBytes(length) })).toThrow(TypeError);
  });
});
