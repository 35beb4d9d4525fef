import { createHash, createPublicKey, generateKeyPairSync, randomBytes, verify } from "node:crypto";
import { describe, expect, it } from "vitest";
import { deriveKeyMaterialId } from "../../src/adapters/deriveKeyMaterialId.js";
import { rsaCryptoProvider } from "../../src/adapters/rsaCryptoProvider.js";
import type { WrappingKeySource } from "../../src/adapters/wrappingKeySource.js";
import { wrapKeyMaterial } from "../../src/client/wrapKeyMaterial.js";
import type { KeyId } from "../../src/domain/keyId.js";
import type {
  SupportedWrappingAlgorithm,
  SupportedWrappingKeySpec,
} from "../../src/domain/wrappingTable.js";
import { expectError, material } from "../support/kmsHarness.js";

const pair = generateKeyPairSync("rsa", { modulusLength: 2048 });
const pkcs8 = pair.privateKey.export({ type: "pkcs8", format: "der" });
const keyId = "1234abcd-12ab-34cd-56ef-1234567890ab" as KeyId;

/** A provider whose wrapping key source always hands out `pair`, recording the specs it was asked for. */
function provider(rootKey: Uint8Array = randomBytes(32)) {
  const asked: SupportedWrappingKeySpec[] = [];
  const wrappingKeys: WrappingKeySource = async (spec) => {
    asked.push(spec);
    return pair;
  };
  return { crypto: rsaCryptoProvider({ rootKey, wrappingKeys }), asked };
}

/** A parameter set's sealed private key and `keyMaterial` wrapped for it. */
async function wrappedFor(
  crypto: ReturnType<typeof provider>["crypto"],
  wrappingAlgorithm: SupportedWrappingAlgorithm,
  keyMaterial: Uint8Array,
) {
  const { publicKey, sealedPrivateKey } = (
    await crypto.generateWrappingKeyPair("RSA_2048")
  )._unsafeUnwrap();
  const encryptedKeyMaterial = wrapKeyMaterial({
    publicKey,
    wrappingAlgorithm,
    keyMaterial,
  })._unsafeUnwrap();
  return {
    keyId,
    wrapping: { wrappingAlgorithm, wrappingKeySpec: "RSA_2048" as const },
    sealedPrivateKey,
    encryptedKeyMaterial,
  };
}

describe("rsaCryptoProvider", () => {
  it("returns the source's public key as DER SubjectPublicKeyInfo of a 2048-bit modulus", async () => {
    const { crypto, asked } = provider();

    const { publicKey } = (await crypto.generateWrappingKeyPair("RSA_2048"))._unsafeUnwrap();

    const parsed = createPublicKey({ key: Buffer.from(publicKey), format: "der", type: "spki" });
    expect(parsed.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(parsed.equals(pair.publicKey)).toBe(true);
    expect(asked).toEqual(["RSA_2048"]);
  });

  it("seals the private key, so the sealed bytes neither equal nor contain the PKCS#8 DER", async () => {
    const { crypto } = provider();

    const { sealedPrivateKey } = (await crypto.generateWrappingKeyPair("RSA_2048"))._unsafeUnwrap();

    const sealed = Buffer.from(sealedPrivateKey);
    expect(sealed.equals(pkcs8)).toBe(false);
    expect(sealed.indexOf(pkcs8)).toBe(-1);
    expect(sealed.indexOf(pkcs8.subarray(pkcs8.length - 64))).toBe(-1);
  });

  it.each([
    "RSAES_OAEP_SHA_1",
    "RSAES_OAEP_SHA_256",
    "RSA_AES_KEY_WRAP_SHA_1",
    "RSA_AES_KEY_WRAP_SHA_256",
  ] as const)(
    "unwraps %s material into its key material ID, sealed bytes and byte length",
    async (algorithm) => {
      const { crypto } = provider();
      const keyMaterial = material();
      const request = await wrappedFor(crypto, algorithm, keyMaterial);

      const unwrapped = (await crypto.unwrapKeyMaterial(request))._unsafeUnwrap();

      expect(unwrapped.id).toBe(deriveKeyMaterialId(keyId, keyMaterial));
      expect(unwrapped.facts).toEqual({ kind: "bytes", byteLength: 32 });
      expect(Buffer.from(unwrapped.sealed).indexOf(keyMaterial)).toBe(-1);
    },
  );

  it("reports the byte length of material that is not 32 bytes, for the domain to refuse", async () => {
    const { crypto } = provider();
    const request = await wrappedFor(crypto, "RSAES_OAEP_SHA_256", randomBytes(16));

    expect((await crypto.unwrapKeyMaterial(request))._unsafeUnwrap().facts).toEqual({
      kind: "bytes",
      byteLength: 16,
    });
  });

  it("returns InvalidCiphertextException when the encrypted material does not unwrap", async () => {
    const { crypto } = provider();
    const request = await wrappedFor(crypto, "RSAES_OAEP_SHA_256", material());

    const result = await crypto.unwrapKeyMaterial({
      ...request,
      encryptedKeyMaterial: randomBytes(256),
    });

    expectError(result, "InvalidCiphertextException");
  });

  it("returns InvalidCiphertextException when the sealed private key was tampered with", async () => {
    const { crypto } = provider();
    const request = await wrappedFor(crypto, "RSAES_OAEP_SHA_256", material());
    const tampered = Buffer.from(request.sealedPrivateKey);
    tampered[20] = (tampered[20] ?? 0) ^ 0x01;

    expectError(
      await crypto.unwrapKeyMaterial({ ...request, sealedPrivateKey: tampered }),
      "InvalidCiphertextException",
    );
  });

  it("returns InvalidCiphertextException when the private key was sealed under another root key", async () => {
    const request = await wrappedFor(provider().crypto, "RSAES_OAEP_SHA_256", material());

    expectError(await provider().crypto.unwrapKeyMaterial(request), "InvalidCiphertextException");
  });

  it("does not accept sealed key material in place of a sealed private key", async () => {
    const { crypto } = provider();
    const request = await wrappedFor(crypto, "RSAES_OAEP_SHA_256", material());
    const unwrapped = (await crypto.unwrapKeyMaterial(request))._unsafeUnwrap();

    expectError(
      await crypto.unwrapKeyMaterial({ ...request, sealedPrivateKey: unwrapped.sealed }),
      "InvalidCiphertextException",
    );
  });

  it("generates 32 bytes of fresh sealed material with a key material ID on every call", async () => {
    const { crypto } = provider();

    const first = (await crypto.generateKeyMaterial(keyId))._unsafeUnwrap();
    const second = (await crypto.generateKeyMaterial(keyId))._unsafeUnwrap();

    expect(first.facts).toEqual({ kind: "bytes", byteLength: 32 });
    expect(first.id).toMatch(/^[0-9a-f]{64}$/);
    expect(first.id).not.toBe(second.id);
  });

  it("unseals what it sealed for the same purpose and refuses another purpose with InvalidCiphertextException", async () => {
    const { crypto } = provider();
    const secret = material();
    const sealed = (await crypto.seal(secret, "purpose-a"))._unsafeUnwrap();

    expect(Buffer.from((await crypto.unseal(sealed, "purpose-a"))._unsafeUnwrap())).toEqual(secret);
    expectError(await crypto.unseal(sealed, "purpose-b"), "InvalidCiphertextException");
  });

  it("unseals with another provider built on the same root key", async () => {
    const rootKey = randomBytes(32);
    const secret = material();
    const sealed = (await provider(rootKey).crypto.seal(secret, "purpose-a"))._unsafeUnwrap();

    const opened = await provider(Buffer.from(rootKey)).crypto.unseal(sealed, "purpose-a");

    expect(Buffer.from(opened._unsafeUnwrap())).toEqual(secret);
  });

  it.each([
    ["prime256v1", "ECDSA_SHA_256", "sha256"],
    ["secp384r1", "ECDSA_SHA_384", "sha384"],
    ["secp521r1", "ECDSA_SHA_512", "sha512"],
    ["secp256k1", "ECDSA_SHA_256", "sha256"],
  ] as const)(
    "signs and verifies a precomputed digest (MessageType DIGEST) with an imported %s key and %s",
    async (namedCurve, algorithm, hash) => {
      const { crypto } = provider();
      const ec = generateKeyPairSync("ec", { namedCurve });
      const pkcs8 = ec.privateKey.export({ type: "pkcs8", format: "der" });
      const request = await wrappedFor(crypto, "RSA_AES_KEY_WRAP_SHA_256", pkcs8);
      const imported = (
        await crypto.unwrapKeyMaterial({ ...request, form: "pkcs8" })
      )._unsafeUnwrap();
      const publicKey = ec.publicKey.export({ type: "spki", format: "der" });
      const message = Buffer.from("a message the caller hashed itself");
      const digest = createHash(hash).update(message).digest();
      const otherDigest = createHash(hash).update("another message").digest();

      const signature = (
        await crypto.sign(imported.sealed, digest, algorithm, "DIGEST")
      )._unsafeUnwrap();

      expect(verify(hash, message, ec.publicKey, signature)).toBe(true);
      expect(
        (await crypto.verify(publicKey, digest, signature, algorithm, "DIGEST"))._unsafeUnwrap(),
      ).toBe(true);
      expect(
        (
          await crypto.verify(publicKey, otherDigest, signature, algorithm, "DIGEST")
        )._unsafeUnwrap(),
      ).toBe(false);
    },
  );

  it.each([0, 31, 33])("throws TypeError for a root key of %i bytes", (length) => {
    expect(() => provider(randomBytes(length))).toThrow(TypeError);
  });
});
