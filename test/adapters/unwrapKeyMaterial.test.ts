import {
  constants,
  createCipheriv,
  generateKeyPairSync,
  publicEncrypt,
  randomBytes,
} from "node:crypto";
import { describe, expect, it } from "vitest";
import { unwrapKeyMaterial } from "../../src/adapters/unwrapKeyMaterial.js";
import { wrapKeyMaterial } from "../../src/client/wrapKeyMaterial.js";
import type { SupportedWrappingAlgorithm } from "../../src/domain/wrappingTable.js";
import { expectError, material } from "../support/kmsHarness.js";

const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const other = generateKeyPairSync("rsa", { modulusLength: 2048 });

function wrap(wrappingAlgorithm: SupportedWrappingAlgorithm, keyMaterial: Uint8Array): Buffer {
  return Buffer.from(
    wrapKeyMaterial({ publicKey, wrappingAlgorithm, keyMaterial })._unsafeUnwrap(),
  );
}

function unwrap(wrappingAlgorithm: SupportedWrappingAlgorithm, encrypted: Uint8Array) {
  return unwrapKeyMaterial(
    privateKey,
    { wrappingAlgorithm, wrappingKeySpec: "RSA_2048" },
    encrypted,
  );
}

/** RSA-OAEP-SHA-256 of `aesKey` followed by `tail`: the RSA_AES_KEY_WRAP_SHA_256 layout built by hand. */
function rsaAesBlob(aesKey: Uint8Array, tail: Uint8Array): Buffer {
  const head = publicEncrypt(
    { key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: "sha256" },
    aesKey,
  );
  return Buffer.concat([head, tail]);
}

const algorithms: readonly SupportedWrappingAlgorithm[] = [
  "RSAES_OAEP_SHA_1",
  "RSAES_OAEP_SHA_256",
  "RSA_AES_KEY_WRAP_SHA_1",
  "RSA_AES_KEY_WRAP_SHA_256",
];

// NIST ACVP KWP vector with a 256-bit KEK (toolchain-node20.md §2(c)).
const kek = Buffer.from("314A549913256A71C6348EAAB9B85EFC755FE736568F0DBC9F6F8BC3CA3D12EE", "hex");
const kwpKey = Buffer.from("3B700E9682275D8DBE61CA7C1EC900E8", "hex");
const kwpWrapped = Buffer.from("70C684C49112AD8B8C3E13B99992127B58DCB9B59CE5C3FD", "hex");

describe("unwrapKeyMaterial", () => {
  it.each(algorithms)("recovers the material wrapped for %s", (algorithm) => {
    const keyMaterial = material();

    expect(unwrap(algorithm, wrap(algorithm, keyMaterial))._unsafeUnwrap()).toEqual(keyMaterial);
  });

  it.each([
    ["RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256"],
    ["RSAES_OAEP_SHA_256", "RSAES_OAEP_SHA_1"],
    ["RSA_AES_KEY_WRAP_SHA_1", "RSA_AES_KEY_WRAP_SHA_256"],
    ["RSA_AES_KEY_WRAP_SHA_256", "RSA_AES_KEY_WRAP_SHA_1"],
  ] as const)(
    "returns InvalidCiphertextException when the material was wrapped with %s but the token asks for %s",
    (wrappedWith, expected) => {
      expectError(unwrap(expected, wrap(wrappedWith, material())), "InvalidCiphertextException");
    },
  );

  it.each(algorithms)(
    "returns InvalidCiphertextException for %s when another private key tries to unwrap",
    (algorithm) => {
      const result = unwrapKeyMaterial(
        other.privateKey,
        { wrappingAlgorithm: algorithm, wrappingKeySpec: "RSA_2048" },
        wrap(algorithm, material()),
      );

      expectError(result, "InvalidCiphertextException");
    },
  );

  it.each(algorithms)(
    "returns InvalidCiphertextException for a %s blob missing its last byte",
    (algorithm) => {
      const wrapped = wrap(algorithm, material());

      expectError(unwrap(algorithm, wrapped.subarray(0, -1)), "InvalidCiphertextException");
    },
  );

  it.each(algorithms)(
    "returns InvalidCiphertextException for a %s blob with an extra byte",
    (algorithm) => {
      const wrapped = Buffer.concat([wrap(algorithm, material()), Buffer.of(0)]);

      expectError(unwrap(algorithm, wrapped), "InvalidCiphertextException");
    },
  );

  it.each([
    ["RSAES_OAEP_SHA_256", 0],
    ["RSAES_OAEP_SHA_256", 255],
    ["RSA_AES_KEY_WRAP_SHA_256", 0],
    ["RSA_AES_KEY_WRAP_SHA_256", 255],
    ["RSA_AES_KEY_WRAP_SHA_256", 256],
    ["RSA_AES_KEY_WRAP_SHA_256", 295],
  ] as const)(
    "returns InvalidCiphertextException for a %s blob with one byte flipped at offset %i",
    (algorithm, offset) => {
      const wrapped = wrap(algorithm, material());
      wrapped[offset] = (wrapped[offset] ?? 0) ^ 0x01;

      expectError(unwrap(algorithm, wrapped), "InvalidCiphertextException");
    },
  );

  it.each([0, 1, 100, 256])(
    "returns InvalidCiphertextException for an RSA_AES blob of %i bytes, not longer than the 256-byte modulus",
    (length) => {
      const wrapped = wrap("RSA_AES_KEY_WRAP_SHA_256", material()).subarray(0, length);

      expectError(unwrap("RSA_AES_KEY_WRAP_SHA_256", wrapped), "InvalidCiphertextException");
    },
  );

  it("returns InvalidCiphertextException for an RSAES_OAEP blob presented as RSA_AES_KEY_WRAP with the same hash", () => {
    const wrapped = wrap("RSAES_OAEP_SHA_256", material());

    expectError(unwrap("RSA_AES_KEY_WRAP_SHA_256", wrapped), "InvalidCiphertextException");
  });

  it("returns InvalidCiphertextException when the material was wrapped with RFC 3394 (id-aes256-wrap, IV A6A6A6A6A6A6A6A6) instead of RFC 5649", () => {
    const aesKey = randomBytes(32);
    const cipher = createCipheriv("id-aes256-wrap", aesKey, Buffer.from("A6A6A6A6A6A6A6A6", "hex"));
    const kw = Buffer.concat([cipher.update(material()), cipher.final()]);
    expect(kw.length).toBe(40);

    expectError(
      unwrap("RSA_AES_KEY_WRAP_SHA_256", rsaAesBlob(aesKey, kw)),
      "InvalidCiphertextException",
    );
  });

  it("returns InvalidCiphertextException when the RSA-wrapped AES key is 16 bytes instead of 32", () => {
    const aesKey = randomBytes(16);
    const cipher = createCipheriv("id-aes128-wrap-pad", aesKey, Buffer.from("A65959A6", "hex"));
    const kwp = Buffer.concat([cipher.update(material()), cipher.final()]);

    expectError(
      unwrap("RSA_AES_KEY_WRAP_SHA_256", rsaAesBlob(aesKey, kwp)),
      "InvalidCiphertextException",
    );
  });

  it("names the wrapping key spec and algorithm in the InvalidCiphertextException message", () => {
    const error = expectError(
      unwrap("RSA_AES_KEY_WRAP_SHA_1", randomBytes(296)),
      "InvalidCiphertextException",
    );

    expect(error.message).toContain("RSA_2048");
    expect(error.message).toContain("RSA_AES_KEY_WRAP_SHA_1");
  });

  it("reproduces the NIST 256-bit KEK RFC 5649 vector with node's id-aes256-wrap-pad", () => {
    const cipher = createCipheriv("id-aes256-wrap-pad", kek, Buffer.from("A65959A6", "hex"));

    expect(Buffer.concat([cipher.update(kwpKey), cipher.final()])).toEqual(kwpWrapped);
  });

  it("unwraps the NIST 256-bit KEK RFC 5649 vector placed after an RSA-OAEP-SHA-256 wrapping of its KEK", () => {
    const result = unwrap("RSA_AES_KEY_WRAP_SHA_256", rsaAesBlob(kek, kwpWrapped));

    expect(result._unsafeUnwrap().toString("hex").toUpperCase()).toBe(
      "3B700E9682275D8DBE61CA7C1EC900E8",
    );
  });

  it("returns InvalidCiphertextException for the NIST RFC 5649 vector with its last byte changed", () => {
    const tampered = Buffer.from(kwpWrapped);
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 0x80;

    expectError(
      unwrap("RSA_AES_KEY_WRAP_SHA_256", rsaAesBlob(kek, tampered)),
      "InvalidCiphertextException",
    );
  });
});
