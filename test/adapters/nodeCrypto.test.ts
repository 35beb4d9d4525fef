import { createPublicKey, randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { deriveKeyMaterialId } from "../../src/adapters/deriveKeyMaterialId.js";
import type { NodeCrypto, NodeCryptoOptions } from "../../src/adapters/nodeCrypto.js";
import type { WrappingKeySource } from "../../src/adapters/wrappingKeySource.js";
import { wrapKeyMaterial } from "../../src/client/wrapKeyMaterial.js";
import type { KeyId } from "../../src/domain/keyId.js";
import type { SupportedWrappingAlgorithm } from "../../src/domain/wrappingTable.js";
import type { CryptoProvider } from "../../src/ports/cryptoProvider.js";
import { expectError, material } from "../support/kmsHarness.js";

/** The real RSA key generation, watched: how many pairs it started and the public keys it made. */
const generation = vi.hoisted(() => ({ started: 0, publicKeys: [] as string[] }));

vi.mock("../../src/adapters/wrappingKeySource.js", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../src/adapters/wrappingKeySource.js")>();
  const generateWrappingKey: WrappingKeySource = async (spec) => {
    generation.started++;
    const pair = await actual.generateWrappingKey(spec);
    generation.publicKeys.push(
      pair.publicKey.export({ type: "spki", format: "der" }).toString("hex"),
    );
    return pair;
  };
  return { ...actual, generateWrappingKey };
});

// The unit tests share their module cache (isolate: false), so another file may have loaded
// nodeCrypto with the real wrappingKeySource already: load it anew, with the watched one.
vi.resetModules();
const { nodeCrypto } = await import("../../src/adapters/nodeCrypto.js");

const keyId = "1234abcd-12ab-34cd-56ef-1234567890ab" as KeyId;

function parse(publicKey: Uint8Array) {
  return createPublicKey({ key: Buffer.from(publicKey), format: "der", type: "spki" });
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("hex");
}

const opened: NodeCrypto[] = [];

/** A `nodeCrypto` that is closed after the test, so no key generation outlives it. */
function provider(options: NodeCryptoOptions = {}): NodeCrypto {
  const crypto = nodeCrypto(options);
  opened.push(crypto);
  return crypto;
}

/** Wraps fresh material for `publicKey` and unwraps it with `sealedPrivateKey`; true when the IDs match. */
async function roundTrips(
  crypto: CryptoProvider,
  pair: { readonly publicKey: Uint8Array; readonly sealedPrivateKey: Uint8Array },
  wrappingAlgorithm: SupportedWrappingAlgorithm,
): Promise<boolean> {
  const keyMaterial = material();
  const encryptedKeyMaterial = wrapKeyMaterial({
    publicKey: pair.publicKey,
    wrappingAlgorithm,
    keyMaterial,
  })._unsafeUnwrap();
  const unwrapped = await crypto.unwrapKeyMaterial({
    keyId,
    wrapping: { wrappingAlgorithm, wrappingKeySpec: "RSA_2048" },
    sealedPrivateKey: pair.sealedPrivateKey,
    encryptedKeyMaterial,
  });
  return unwrapped._unsafeUnwrap().id === deriveKeyMaterialId(keyId, keyMaterial);
}

describe("nodeCrypto", () => {
  beforeEach(() => {
    generation.started = 0;
    generation.publicKeys = [];
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((crypto) => crypto.close()));
  });

  it("generates an RSA_2048 wrapping key pair as DER SubjectPublicKeyInfo with e = 65537", async () => {
    const { publicKey } = (await provider().generateWrappingKeyPair("RSA_2048"))._unsafeUnwrap();

    const parsed = parse(publicKey);
    expect(parsed.asymmetricKeyType).toBe("rsa");
    expect(parsed.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(parsed.asymmetricKeyDetails?.publicExponent).toBe(65537n);
  });

  it("generates a distinct key pair on every call, in one instance and across instances", async () => {
    const one = provider();
    const pairs = await Promise.all([
      one.generateWrappingKeyPair("RSA_2048"),
      one.generateWrappingKeyPair("RSA_2048"),
      provider().generateWrappingKeyPair("RSA_2048"),
    ]);

    const hexes = pairs.map((pair) => Buffer.from(pair._unsafeUnwrap().publicKey).toString("hex"));
    expect(new Set(hexes).size).toBe(3);
  });

  it("opens, given the same root key, what another instance sealed", async () => {
    const rootKey = randomBytes(32);
    const secret = material();
    const sealed = (await provider({ rootKey }).seal(secret, "purpose"))._unsafeUnwrap();

    const opened = await provider({ rootKey }).unseal(sealed, "purpose");

    expect(Buffer.from(opened._unsafeUnwrap())).toEqual(secret);
  });

  it("unwraps, given the same root key, with a private key that another instance sealed", async () => {
    const rootKey = randomBytes(32);
    const { publicKey, sealedPrivateKey } = (
      await provider({ rootKey }).generateWrappingKeyPair("RSA_2048")
    )._unsafeUnwrap();
    const keyMaterial = material();
    const encryptedKeyMaterial = wrapKeyMaterial({
      publicKey,
      wrappingAlgorithm: "RSA_AES_KEY_WRAP_SHA_256",
      keyMaterial,
    })._unsafeUnwrap();

    const unwrapped = await provider({ rootKey }).unwrapKeyMaterial({
      keyId,
      wrapping: { wrappingAlgorithm: "RSA_AES_KEY_WRAP_SHA_256", wrappingKeySpec: "RSA_2048" },
      sealedPrivateKey,
      encryptedKeyMaterial,
    });

    expect(unwrapped._unsafeUnwrap().id).toBe(deriveKeyMaterialId(keyId, keyMaterial));
  });

  it("returns InvalidCiphertextException when an instance with another root key unseals", async () => {
    const sealed = (await provider().seal(material(), "purpose"))._unsafeUnwrap();

    expectError(await provider().unseal(sealed, "purpose"), "InvalidCiphertextException");
  });

  it("does not keep a reference to the caller's root key", async () => {
    const rootKey = randomBytes(32);
    const crypto = provider({ rootKey });
    const secret = material();
    const sealed = (await crypto.seal(secret, "purpose"))._unsafeUnwrap();
    rootKey.fill(0);

    expect(Buffer.from((await crypto.unseal(sealed, "purpose"))._unsafeUnwrap())).toEqual(secret);
  });

  it.each([0, 16, 31, 33])("throws TypeError for a root key of %i bytes", (length) => {
    expect(() => nodeCrypto({ rootKey: randomBytes(length) })).toThrow(TypeError);
  });

  describe("wrapping key pool", () => {
    it("keeps three RSA_2048 pairs ready after prefill when no pool size is given", async () => {
      const crypto = provider();

      await crypto.prefill(["RSA_2048"]);

      expect(generation.started).toBe(3);
      expect(generation.publicKeys).toHaveLength(3);
    });

    it("serves each prefilled key pair once, as distinct parameter sets", async () => {
      const crypto = provider({ wrappingKeyPoolSize: 2 });
      await crypto.prefill(["RSA_2048"]);
      const prefilled = [...generation.publicKeys];
      expect(prefilled).toHaveLength(2);

      const pairs = await Promise.all([
        crypto.generateWrappingKeyPair("RSA_2048"),
        crypto.generateWrappingKeyPair("RSA_2048"),
      ]);

      const served = pairs.map((pair) => hex(pair._unsafeUnwrap().publicKey));
      expect(new Set(served).size).toBe(2);
      expect([...served].sort()).toEqual([...prefilled].sort());
      await expect(crypto.close()).resolves.toBeUndefined();
    });

    it("unwraps material wrapped for a pooled key pair", async () => {
      const crypto = provider({ wrappingKeyPoolSize: 1 });
      await crypto.prefill(["RSA_2048"]);
      const { publicKey, sealedPrivateKey } = (
        await crypto.generateWrappingKeyPair("RSA_2048")
      )._unsafeUnwrap();
      expect(await roundTrips(crypto, { publicKey, sealedPrivateKey }, "RSAES_OAEP_SHA_256")).toBe(
        true,
      );
    });

    it("generates every key pair on demand with a pool size of 0", async () => {
      const crypto = provider({ wrappingKeyPoolSize: 0 });
      await crypto.prefill(["RSA_2048"]);
      expect(generation.started).toBe(0);

      const pairs = await Promise.all([
        crypto.generateWrappingKeyPair("RSA_2048"),
        crypto.generateWrappingKeyPair("RSA_2048"),
      ]);
      await crypto.close();

      const served = pairs.map((pair) => hex(pair._unsafeUnwrap().publicKey));
      expect(new Set(served).size).toBe(2);
      expect([...served].sort()).toEqual([...generation.publicKeys].sort());
      expect(generation.started).toBe(2);
    });

    it("drops its ready pairs on close and keeps generating on demand", async () => {
      const crypto = provider({ wrappingKeyPoolSize: 2 });
      await crypto.prefill(["RSA_2048"]);
      const prefilled = [...generation.publicKeys];

      await expect(crypto.close()).resolves.toBeUndefined();
      const pair = await crypto.generateWrappingKeyPair("RSA_2048");

      expect(parse(pair._unsafeUnwrap().publicKey).asymmetricKeyDetails?.modulusLength).toBe(2048);
      expect(prefilled).not.toContain(hex(pair._unsafeUnwrap().publicKey));
      expect(generation.started).toBe(3);
    });

    it("unwraps after close with a key pair handed out before it", async () => {
      const crypto = provider({ wrappingKeyPoolSize: 1 });
      await crypto.prefill(["RSA_2048"]);
      const { publicKey, sealedPrivateKey } = (
        await crypto.generateWrappingKeyPair("RSA_2048")
      )._unsafeUnwrap();
      await crypto.close();
      expect(
        await roundTrips(crypto, { publicKey, sealedPrivateKey }, "RSA_AES_KEY_WRAP_SHA_256"),
      ).toBe(true);
    });

    it.each([-1, 1.5, Number.NaN])("throws TypeError for a pool size of %s", (size) => {
      expect(() => nodeCrypto({ wrappingKeyPoolSize: size })).toThrow(TypeError);
    });
  });
});
