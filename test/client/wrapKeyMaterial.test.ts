import {
  constants,
  createDecipheriv,
  createSecretKey,
  generateKeyPairSync,
  type KeyObject,
  privateDecrypt,
  randomBytes,
} from "node:crypto";
import { describe, expect, it } from "vitest";
import { unwrapKeyMaterial } from "../../src/adapters/unwrapKeyMaterial.js";
import { wrapKeyMaterial } from "../../src/client/wrapKeyMaterial.js";
import type {
  SupportedWrappingAlgorithm,
  WrappingAlgorithm,
} from "../../src/domain/wrappingTable.js";
import { expectError, material } from "../support/kmsHarness.js";

const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const publicDer = publicKey.export({ type: "spki", format: "der" });

const algorithms: readonly SupportedWrappingAlgorithm[] = [
  "RSAES_OAEP_SHA_1",
  "RSAES_OAEP_SHA_256",
  "RSA_AES_KEY_WRAP_SHA_1",
  "RSA_AES_KEY_WRAP_SHA_256",
];

function unwrap(wrappingAlgorithm: SupportedWrappingAlgorithm, wrapped: Uint8Array) {
  return unwrapKeyMaterial(privateKey, { wrappingAlgorithm, wrappingKeySpec: "RSA_2048" }, wrapped);
}

/** The RSA_AES_KEY_WRAP_SHA_256 unwrap, step by step with node:crypto (not the adapter under test elsewhere). */
function unwrapAesKeyWrapSha256(wrapped: Uint8Array): Buffer {
  const modulusBytes = 2048 / 8;
  const aesKey = privateDecrypt(
    { key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: "sha256" },
    wrapped.subarray(0, modulusBytes),
  );
  const decipher = createDecipheriv("id-aes256-wrap-pad", aesKey, Buffer.from("A65959A6", "hex"));
  return Buffer.concat([decipher.update(wrapped.subarray(modulusBytes)), decipher.final()]);
}

describe("wrapKeyMaterial", () => {
  it.each(algorithms)(
    "wraps 32 bytes with a DER public key for %s so that the private key unwraps them",
    (wrappingAlgorithm) => {
      const keyMaterial = material();
      const wrapped = wrapKeyMaterial({ publicKey: publicDer, wrappingAlgorithm, keyMaterial });

      expect(unwrap(wrappingAlgorithm, wrapped._unsafeUnwrap())._unsafeUnwrap()).toEqual(
        keyMaterial,
      );
    },
  );

  it.each(algorithms)("accepts a public KeyObject for %s", (wrappingAlgorithm) => {
    const keyMaterial = material();
    const wrapped = wrapKeyMaterial({ publicKey, wrappingAlgorithm, keyMaterial });

    expect(unwrap(wrappingAlgorithm, wrapped._unsafeUnwrap())._unsafeUnwrap()).toEqual(keyMaterial);
  });

  it.each(algorithms)(
    "produces a different wrapping of the same material on every call with %s",
    (wrappingAlgorithm) => {
      const keyMaterial = material();
      const first = wrapKeyMaterial({ publicKey, wrappingAlgorithm, keyMaterial });
      const second = wrapKeyMaterial({ publicKey, wrappingAlgorithm, keyMaterial });

      expect(Buffer.from(first._unsafeUnwrap())).not.toEqual(Buffer.from(second._unsafeUnwrap()));
    },
  );

  it.each([
    ["RSAES_OAEP_SHA_1", 256],
    ["RSAES_OAEP_SHA_256", 256],
    ["RSA_AES_KEY_WRAP_SHA_1", 296],
    ["RSA_AES_KEY_WRAP_SHA_256", 296],
  ] as const)(
    "returns %s output of %i bytes for 32 bytes of material and an RSA_2048 key",
    (wrappingAlgorithm, length) => {
      const wrapped = wrapKeyMaterial({ publicKey, wrappingAlgorithm, keyMaterial: material() });

      expect(wrapped._unsafeUnwrap().byteLength).toBe(length);
    },
  );

  it("returns a plain Uint8Array, not a Buffer", () => {
    const wrapped = wrapKeyMaterial({
      publicKey,
      wrappingAlgorithm: "RSAES_OAEP_SHA_256",
      keyMaterial: material(),
    });

    expect(Buffer.isBuffer(wrapped._unsafeUnwrap())).toBe(false);
    expect(wrapped._unsafeUnwrap()).toBeInstanceOf(Uint8Array);
  });

  it.each([
    ["RSAES_OAEP_SHA_1", 214],
    ["RSAES_OAEP_SHA_256", 190],
  ] as const)(
    "wraps %s material of exactly the OAEP capacity (%i bytes) of RSA_2048",
    (wrappingAlgorithm, capacity) => {
      const keyMaterial = randomBytes(capacity);
      const wrapped = wrapKeyMaterial({ publicKey, wrappingAlgorithm, keyMaterial });

      expect(unwrap(wrappingAlgorithm, wrapped._unsafeUnwrap())._unsafeUnwrap()).toEqual(
        keyMaterial,
      );
    },
  );

  it.each([
    ["RSAES_OAEP_SHA_1", 215],
    ["RSAES_OAEP_SHA_256", 191],
  ] as const)(
    "returns ValidationException for %s material one byte over the RSA_2048 OAEP capacity (%i bytes)",
    (wrappingAlgorithm, length) => {
      const wrapped = wrapKeyMaterial({
        publicKey,
        wrappingAlgorithm,
        keyMaterial: randomBytes(length),
      });

      expectError(wrapped, "ValidationException");
    },
  );

  it("wraps material far beyond the OAEP capacity with RSA_AES_KEY_WRAP_SHA_256, padded to 8 bytes plus 8", () => {
    const keyMaterial = randomBytes(1000);
    const wrapped = wrapKeyMaterial({
      publicKey,
      wrappingAlgorithm: "RSA_AES_KEY_WRAP_SHA_256",
      keyMaterial,
    })._unsafeUnwrap();

    expect(wrapped.byteLength).toBe(256 + 1000 + 8);
    expect(unwrap("RSA_AES_KEY_WRAP_SHA_256", wrapped)._unsafeUnwrap()).toEqual(keyMaterial);
  });

  it.each([
    [1, 256 + 16],
    [37, 256 + 48],
  ])(
    "wraps %i bytes with RSA_AES_KEY_WRAP_SHA_1 into the RSA block plus the RFC 5649 padded length",
    (length, total) => {
      const keyMaterial = randomBytes(length);
      const wrapped = wrapKeyMaterial({
        publicKey,
        wrappingAlgorithm: "RSA_AES_KEY_WRAP_SHA_1",
        keyMaterial,
      })._unsafeUnwrap();

      expect(wrapped.byteLength).toBe(total);
      expect(unwrap("RSA_AES_KEY_WRAP_SHA_1", wrapped)._unsafeUnwrap()).toEqual(keyMaterial);
    },
  );

  // RFC 5649 wraps 1 to 2^32 octets; node's id-aes256-wrap-pad silently returns nothing for an
  // empty input, so without a check the "wrapped" result is the RSA block alone (docs/decisions/0003-rsa-wrapping-table.md layout broken).
  it("returns ValidationException for empty key material with RSA_AES_KEY_WRAP_SHA_256, which RFC 5649 cannot wrap", () => {
    const wrapped = wrapKeyMaterial({
      publicKey,
      wrappingAlgorithm: "RSA_AES_KEY_WRAP_SHA_256",
      keyMaterial: new Uint8Array(0),
    });

    expectError(wrapped, "ValidationException");
  });

  it.each(["RSAES_PKCS1_V1_5", "SM2PKE"] as const)(
    "returns UnsupportedOperationException for %s",
    (wrappingAlgorithm) => {
      expectError(
        wrapKeyMaterial({ publicKey, wrappingAlgorithm, keyMaterial: material() }),
        "UnsupportedOperationException",
      );
    },
  );

  it.each(["RSA_OAEP_SHA_512", "toString", "__proto__", ""])(
    "returns UnsupportedOperationException for the unknown algorithm '%s'",
    (name) => {
      const wrapped = wrapKeyMaterial({
        publicKey,
        wrappingAlgorithm: name as WrappingAlgorithm,
        keyMaterial: material(),
      });

      expectError(wrapped, "UnsupportedOperationException");
    },
  );

  it("returns ValidationException for public key bytes that are not DER", () => {
    const wrapped = wrapKeyMaterial({
      publicKey: randomBytes(294),
      wrappingAlgorithm: "RSAES_OAEP_SHA_256",
      keyMaterial: material(),
    });

    expectError(wrapped, "ValidationException");
  });

  it("returns ValidationException for an RSA public key in PKCS#1 rather than SubjectPublicKeyInfo DER", () => {
    const wrapped = wrapKeyMaterial({
      publicKey: publicKey.export({ type: "pkcs1", format: "der" }),
      wrappingAlgorithm: "RSAES_OAEP_SHA_256",
      keyMaterial: material(),
    });

    expectError(wrapped, "ValidationException");
  });

  it("returns ValidationException for a PEM public key passed as bytes", () => {
    const pem = Buffer.from(publicKey.export({ type: "spki", format: "pem" }));
    const wrapped = wrapKeyMaterial({
      publicKey: pem,
      wrappingAlgorithm: "RSAES_OAEP_SHA_256",
      keyMaterial: material(),
    });

    expectError(wrapped, "ValidationException");
  });

  it("returns ValidationException for an EC public key, as DER or as a KeyObject", () => {
    const ec = generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey;
    const keyMaterial = material();

    for (const key of [ec, ec.export({ type: "spki", format: "der" })]) {
      expectError(
        wrapKeyMaterial({ publicKey: key, wrappingAlgorithm: "RSAES_OAEP_SHA_256", keyMaterial }),
        "ValidationException",
      );
    }
  });

  it("returns ValidationException for an RSA private KeyObject in place of the public key", () => {
    const wrapped = wrapKeyMaterial({
      publicKey: privateKey,
      wrappingAlgorithm: "RSA_AES_KEY_WRAP_SHA_256",
      keyMaterial: material(),
    });

    expectError(wrapped, "ValidationException");
  });

  describe("with a KeyObject as the key material", () => {
    const rsa2048 = () => generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
    const ecP256 = () => generateKeyPairSync("ec", { namedCurve: "prime256v1" }).privateKey;

    it.each<[string, () => KeyObject]>([
      ["an EC P-256", ecP256],
      ["an RSA_2048", rsa2048],
    ])(
      "wraps %s private key with RSA_AES_KEY_WRAP_SHA_256 as exactly its PKCS#8 DER",
      (_, generate) => {
        const key = generate();
        const wrapped = wrapKeyMaterial({
          publicKey: publicDer,
          wrappingAlgorithm: "RSA_AES_KEY_WRAP_SHA_256",
          keyMaterial: key,
        });

        expect(unwrapAesKeyWrapSha256(wrapped._unsafeUnwrap())).toEqual(
          key.export({ format: "der", type: "pkcs8" }),
        );
      },
    );

    it("wraps an EC P-256 private key with RSAES_OAEP_SHA_256 too: its 138 bytes of PKCS#8 fit", () => {
      const key = ecP256();
      const wrapped = wrapKeyMaterial({
        publicKey,
        wrappingAlgorithm: "RSAES_OAEP_SHA_256",
        keyMaterial: key,
      });

      expect(unwrap("RSAES_OAEP_SHA_256", wrapped._unsafeUnwrap())._unsafeUnwrap()).toEqual(
        key.export({ format: "der", type: "pkcs8" }),
      );
    });

    it("wraps an HMAC secret KeyObject as its raw bytes", () => {
      const keyMaterial = randomBytes(48);
      const wrapped = wrapKeyMaterial({
        publicKey,
        wrappingAlgorithm: "RSAES_OAEP_SHA_1",
        keyMaterial: createSecretKey(keyMaterial),
      });

      expect(unwrap("RSAES_OAEP_SHA_1", wrapped._unsafeUnwrap())._unsafeUnwrap()).toEqual(
        keyMaterial,
      );
    });

    it("returns ValidationException naming RSA_AES_KEY_WRAP_SHA_256 for an RSA private key with RSAES_OAEP_SHA_256", () => {
      const key = rsa2048();
      const length = key.export({ format: "der", type: "pkcs8" }).byteLength;
      const wrapped = wrapKeyMaterial({
        publicKey,
        wrappingAlgorithm: "RSAES_OAEP_SHA_256",
        keyMaterial: key,
      });

      expect(expectError(wrapped, "ValidationException").message).toBe(
        `The ${length}-byte PKCS#8 RSA private key is too large for RSAES_OAEP_SHA_256 with this wrapping key; ` +
          "use RSA_AES_KEY_WRAP_SHA_256.",
      );
    });

    it("returns ValidationException naming RSA_AES_KEY_WRAP_SHA_256 for an EC P-521 private key (241 bytes) with RSAES_OAEP_SHA_256 and an RSA_2048 wrapping key", () => {
      const wrapped = wrapKeyMaterial({
        publicKey,
        wrappingAlgorithm: "RSAES_OAEP_SHA_256",
        keyMaterial: generateKeyPairSync("ec", { namedCurve: "secp521r1" }).privateKey,
      });

      expect(expectError(wrapped, "ValidationException").message).toBe(
        "The 241-byte PKCS#8 EC private key is too large for RSAES_OAEP_SHA_256 with this wrapping key; " +
          "use RSA_AES_KEY_WRAP_SHA_256.",
      );
    });

    it("keeps the message for raw bytes that are too long: bytes of key material are too many", () => {
      const wrapped = wrapKeyMaterial({
        publicKey,
        wrappingAlgorithm: "RSAES_OAEP_SHA_256",
        keyMaterial: randomBytes(191),
      });

      expect(expectError(wrapped, "ValidationException").message).toBe(
        "191 bytes of key material are too many for RSAES_OAEP_SHA_256 with this wrapping key; " +
          "use RSA_AES_KEY_WRAP_SHA_256.",
      );
    });

    it.each<[string, () => KeyObject]>([
      ["an EC", () => generateKeyPairSync("ec", { namedCurve: "prime256v1" }).publicKey],
      ["an RSA", () => publicKey],
    ])("returns ValidationException for %s public KeyObject as the key material", (_, key) => {
      const wrapped = wrapKeyMaterial({
        publicKey,
        wrappingAlgorithm: "RSA_AES_KEY_WRAP_SHA_256",
        keyMaterial: key(),
      });

      expect(expectError(wrapped, "ValidationException").message).toBe(
        "The key material is a public key; give the private key: AWS KMS imports only the private key " +
          "of an asymmetric key pair.",
      );
    });

    it("returns ValidationException for key material that is neither a Uint8Array nor a KeyObject", () => {
      const wrapped = wrapKeyMaterial({
        publicKey,
        wrappingAlgorithm: "RSAES_OAEP_SHA_256",
        keyMaterial: "00".repeat(32) as unknown as Uint8Array,
      });

      expect(expectError(wrapped, "ValidationException").message).toBe(
        "The key material is neither a Uint8Array nor a KeyObject.",
      );
    });

    it("returns ValidationException for an Ed25519 private key, which AWS KMS does not import", () => {
      const wrapped = wrapKeyMaterial({
        publicKey,
        wrappingAlgorithm: "RSA_AES_KEY_WRAP_SHA_256",
        keyMaterial: generateKeyPairSync("ed25519").privateKey,
      });

      expect(expectError(wrapped, "ValidationException").message).toBe(
        "The key material is a private key of type ed25519; AWS KMS imports RSA and EC private keys.",
      );
    });
  });
});
