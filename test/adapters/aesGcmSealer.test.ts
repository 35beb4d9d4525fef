import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { aesGcmSealer } from "../../src/adapters/aesGcmSealer.js";
import { expectError, material } from "../support/kmsHarness.js";

const purpose = "kms-byok/test-secret/v1";

describe("aesGcmSealer", () => {
  it("opens what it sealed for the same purpose", () => {
    const sealer = aesGcmSealer(randomBytes(32));
    const secret = material();

    expect(sealer.open(sealer.seal(secret, purpose), purpose)._unsafeUnwrap()).toEqual(secret);
  });

  it("opens an empty secret", () => {
    const sealer = aesGcmSealer(randomBytes(32));

    expect(sealer.open(sealer.seal(new Uint8Array(0), purpose), purpose)._unsafeUnwrap()).toEqual(
      Buffer.alloc(0),
    );
  });

  it("lays out version 1, a 12-byte IV, the ciphertext and a 16-byte tag, without the plaintext", () => {
    const secret = material();
    const sealed = Buffer.from(aesGcmSealer(randomBytes(32)).seal(secret, purpose));

    expect(sealed.length).toBe(1 + 12 + 32 + 16);
    expect(sealed[0]).toBe(1);
    expect(sealed.indexOf(secret)).toBe(-1);
  });

  it("seals the same secret differently every time", () => {
    const sealer = aesGcmSealer(randomBytes(32));
    const secret = material();

    expect(Buffer.from(sealer.seal(secret, purpose))).not.toEqual(
      Buffer.from(sealer.seal(secret, purpose)),
    );
  });

  it("opens a sealed value that is a view into a larger buffer", () => {
    const sealer = aesGcmSealer(randomBytes(32));
    const secret = material();
    const sealed = sealer.seal(secret, purpose);
    const larger = Buffer.concat([Buffer.from("prefix"), sealed, Buffer.from("suffix")]);
    const view = new Uint8Array(larger.buffer, larger.byteOffset + 6, sealed.byteLength);

    expect(sealer.open(view, purpose)._unsafeUnwrap()).toEqual(secret);
  });

  it("returns InvalidCiphertextException when a secret sealed for one purpose is opened for another", () => {
    const sealer = aesGcmSealer(randomBytes(32));
    const sealed = sealer.seal(material(), "kms-byok/key-material/v1");

    expectError(sealer.open(sealed, "kms-byok/import-token/v1"), "InvalidCiphertextException");
    expectError(sealer.open(sealed, "kms-byok/key-material/v1 "), "InvalidCiphertextException");
  });

  it("returns InvalidCiphertextException when a sealer with another root key opens it", () => {
    const sealed = aesGcmSealer(randomBytes(32)).seal(material(), purpose);

    expectError(aesGcmSealer(randomBytes(32)).open(sealed, purpose), "InvalidCiphertextException");
  });

  it("returns InvalidCiphertextException when any single bit of the sealed value is flipped", () => {
    const sealer = aesGcmSealer(randomBytes(32));
    const sealed = Buffer.from(sealer.seal(material(), purpose));
    const opened: string[] = [];

    for (let offset = 0; offset < sealed.length; offset++) {
      for (let bit = 0; bit < 8; bit++) {
        const tampered = Buffer.from(sealed);
        tampered[offset] = (tampered[offset] ?? 0) ^ (1 << bit);
        const result = sealer.open(tampered, purpose);
        if (result.isOk() || result.error.name !== "InvalidCiphertextException")
          opened.push(`${offset}:${bit}`);
      }
    }

    expect(opened).toEqual([]);
  });

  it.each([0, 2, 0xff])(
    "returns InvalidCiphertextException when the version byte is %i instead of 1",
    (version) => {
      const sealer = aesGcmSealer(randomBytes(32));
      const sealed = Buffer.from(sealer.seal(material(), purpose));
      sealed[0] = version;

      expectError(sealer.open(sealed, purpose), "InvalidCiphertextException");
    },
  );

  it.each([0, 1, 13, 28])(
    "returns InvalidCiphertextException for a sealed value of %i bytes, shorter than version, IV and tag",
    (length) => {
      const sealer = aesGcmSealer(randomBytes(32));
      const sealed = sealer.seal(new Uint8Array(0), purpose).subarray(0, length);

      expectError(sealer.open(sealed, purpose), "InvalidCiphertextException");
    },
  );

  it("returns InvalidCiphertextException when a byte is appended or the last byte dropped", () => {
    const sealer = aesGcmSealer(randomBytes(32));
    const sealed = Buffer.from(sealer.seal(material(), purpose));

    expectError(
      sealer.open(Buffer.concat([sealed, Buffer.of(0)]), purpose),
      "InvalidCiphertextException",
    );
    expectError(sealer.open(sealed.subarray(0, -1), purpose), "InvalidCiphertextException");
  });

  it("keeps its own copy of the root key, so zeroing the caller's array does not matter", () => {
    const rootKey = randomBytes(32);
    const sealer = aesGcmSealer(rootKey);
    const secret = material();
    const sealed = sealer.seal(secret, purpose);
    rootKey.fill(0);

    expect(sealer.open(sealed, purpose)._unsafeUnwrap()).toEqual(secret);
  });

  it.each([0, 16, 31, 33, 64])("throws TypeError for a root key of %i bytes", (length) => {
    expect(() => aesGcmSealer(randomBytes(length))).toThrow(TypeError);
  });
});
