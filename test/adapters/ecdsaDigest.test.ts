import { execFileSync } from "node:child_process";
import {
  createECDH,
  createHash,
  createPrivateKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { signEcdsaDigest, verifyEcdsaDigest } from "../../src/adapters/ecdsaDigest.js";

type Hash = "sha256" | "sha384" | "sha512";

const sha = (hash: Hash, message: Uint8Array): Buffer => createHash(hash).update(message).digest();

/** A DER INTEGER of a non-negative `value`, written independently of the module under test. */
function derInteger(value: bigint): Buffer {
  let hex = value.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  if (Number.parseInt(hex.slice(0, 2), 16) >= 0x80) hex = `00${hex}`;
  const content = Buffer.from(hex, "hex");
  return Buffer.concat([Buffer.of(0x02, content.length), content]);
}

/** A DER SEQUENCE of `elements`, its length in `0x81` long form above 127 bytes. */
function sequence(...elements: Buffer[]): Buffer {
  const body = Buffer.concat(elements);
  const length = body.length < 0x80 ? Buffer.of(body.length) : Buffer.of(0x81, body.length);
  return Buffer.concat([Buffer.of(0x30), length, body]);
}

/** The DER `SEQUENCE { INTEGER r, INTEGER s }`. */
const der = (r: bigint, s: bigint): Buffer => sequence(derInteger(r), derInteger(s));

/** The INTEGER values of a DER signature (short or `0x81` lengths). */
function rs(signature: Uint8Array): { r: bigint; s: bigint } {
  const bytes = Buffer.from(signature);
  let at = bytes[1] === 0x81 ? 3 : 2;
  const read = () => {
    const length = bytes[at + 1] ?? 0;
    const value = BigInt(`0x${bytes.subarray(at + 2, at + 2 + length).toString("hex")}`);
    at += 2 + length;
    return value;
  };
  return { r: read(), s: read() };
}

const curves = [
  { name: "P-256", namedCurve: "prime256v1", jwkCurve: "P-256", hash: "sha256", bytes: 32 },
  { name: "P-384", namedCurve: "secp384r1", jwkCurve: "P-384", hash: "sha384", bytes: 48 },
  { name: "P-521", namedCurve: "secp521r1", jwkCurve: "P-521", hash: "sha512", bytes: 66 },
  { name: "secp256k1", namedCurve: "secp256k1", jwkCurve: "secp256k1", hash: "sha256", bytes: 32 },
] as const;

/** The private key `d` (hex) on `curve`, with its public point computed by Node. */
function keyOf(curve: (typeof curves)[number], d: string): KeyObject {
  const ecdh = createECDH(curve.namedCurve);
  const secret = Buffer.from(d.padStart(2 * curve.bytes, "0"), "hex");
  ecdh.setPrivateKey(secret);
  const point = ecdh.getPublicKey();
  return createPrivateKey({
    format: "jwk",
    key: {
      kty: "EC",
      crv: curve.jwkCurve,
      d: secret.toString("base64url"),
      x: point.subarray(1, 1 + curve.bytes).toString("base64url"),
      y: point.subarray(1 + curve.bytes).toString("base64url"),
    },
  });
}

const message = Buffer.from("kms-byok signs a digest");

describe.each(curves)("ECDSA over a digest on $name with $hash", (curve) => {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: curve.namedCurve });
  const digest = sha(curve.hash, message);

  it("makes signatures of a digest that Node verifies over the message", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const signature = signEcdsaDigest(privateKey, sha(curve.hash, bytes));
        expect(verify(curve.hash, bytes, publicKey, signature)).toBe(true);
      }),
      { numRuns: 20 },
    );
  });

  it("verifies Node's signatures of a message over its digest", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const signature = sign(curve.hash, bytes, privateKey);
        expect(verifyEcdsaDigest(publicKey, sha(curve.hash, bytes), signature)).toBe(true);
      }),
      { numRuns: 20 },
    );
  });

  it("verifies with the private key as well as the public key", () => {
    const signature = signEcdsaDigest(privateKey, digest);

    expect(verifyEcdsaDigest(privateKey, digest, signature)).toBe(true);
  });

  it("does not verify a signature against a changed digest", () => {
    const signature = sign(curve.hash, message, privateKey);
    const changed = Buffer.from(digest);
    changed[0] = (changed[0] ?? 0) ^ 0x01;

    expect(verifyEcdsaDigest(publicKey, changed, signature)).toBe(false);
  });

  it("does not verify a signature with a flipped bit in r or in s", () => {
    const { r, s } = rs(signEcdsaDigest(privateKey, digest));

    expect(verifyEcdsaDigest(publicKey, digest, der(r, s))).toBe(true);
    expect(verifyEcdsaDigest(publicKey, digest, der(r ^ 1n, s))).toBe(false);
    expect(verifyEcdsaDigest(publicKey, digest, der(r, s ^ 1n))).toBe(false);
  });

  it("does not verify a signature under another key", () => {
    const other = generateKeyPairSync("ec", { namedCurve: curve.namedCurve });

    expect(verifyEcdsaDigest(other.publicKey, digest, signEcdsaDigest(privateKey, digest))).toBe(
      false,
    );
  });

  it("gives the same signature for the same digest and key", () => {
    const first = signEcdsaDigest(privateKey, digest);
    const second = signEcdsaDigest(privateKey, digest);

    expect(Buffer.from(second).toString("hex")).toBe(Buffer.from(first).toString("hex"));
  });

  it("encodes the signature as minimal DER of r and s", () => {
    const signature = signEcdsaDigest(privateKey, digest);
    const { r, s } = rs(signature);

    expect(Buffer.from(signature).toString("hex")).toBe(der(r, s).toString("hex"));
  });

  it("answers false, without throwing, for malformed DER", () => {
    const signature = Buffer.from(signEcdsaDigest(privateKey, digest));
    const { r, s } = rs(signature);
    const malformed = [
      Buffer.alloc(0),
      signature.subarray(0, signature.length - 1),
      Buffer.concat([signature, Buffer.of(0x00)]),
      der(0n, s),
      der(r, 0n),
      Buffer.of(0x30, 0x00),
      Buffer.of(0x31, ...signature.subarray(1)),
      Buffer.from("not a signature at all"),
    ];

    expect(malformed.map((bytes) => verifyEcdsaDigest(publicKey, digest, bytes))).toEqual(
      malformed.map(() => false),
    );
  });
});

describe("ECDSA over a digest", () => {
  const p256 = curves[0];
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  const digest = sha("sha256", message);
  /** The order of P-256 (SEC 2 v2 §2.4.2). */
  const n = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;

  it("answers false for r or s equal to the curve order n, r + n or s + n, or a negative r", () => {
    const { r, s } = rs(signEcdsaDigest(privateKey, digest));

    expect(verifyEcdsaDigest(publicKey, digest, der(n, s))).toBe(false);
    expect(verifyEcdsaDigest(publicKey, digest, der(r, n))).toBe(false);
    expect(verifyEcdsaDigest(publicKey, digest, der(r + n, s))).toBe(false);
    // s + n has the same inverse mod n as s: only the range check refuses it.
    expect(verifyEcdsaDigest(publicKey, digest, der(r, s + n))).toBe(false);
    expect(
      verifyEcdsaDigest(publicKey, digest, sequence(Buffer.of(0x02, 0x01, 0xff), derInteger(s))),
    ).toBe(false);
  });

  it("answers false for DER that is valid BER but not minimal", () => {
    const { r, s } = rs(signEcdsaDigest(privateKey, digest));
    const rMinimal = derInteger(r).subarray(2);
    const rPadded = Buffer.concat([Buffer.of(0x02, rMinimal.length + 1, 0x00), rMinimal]);
    const body = Buffer.concat([derInteger(r), derInteger(s)]);
    const longLength = Buffer.concat([Buffer.of(0x30, 0x81, body.length), body]);

    expect(verifyEcdsaDigest(publicKey, digest, sequence(rPadded, derInteger(s)))).toBe(false);
    expect(verifyEcdsaDigest(publicKey, digest, longLength)).toBe(false);
    expect(verify("sha256", message, publicKey, longLength)).toBe(false);
  });

  it("signs the leftmost bits of a digest longer than the curve order, as Node hashes them", () => {
    // SHA-512 on P-256: e is the leftmost 256 bits of the digest (SEC 1 §4.1.3 step 5).
    const signature = signEcdsaDigest(privateKey, sha("sha512", message));

    expect(verify("sha512", message, publicKey, signature)).toBe(true);
    expect(verifyEcdsaDigest(publicKey, sha("sha512", message), signature)).toBe(true);
  });

  it("refuses a key that is not on one of the four curves", () => {
    const ed25519 = generateKeyPairSync("ed25519");
    const p224 = generateKeyPairSync("ec", { namedCurve: "secp224r1" });

    expect(() => signEcdsaDigest(ed25519.privateKey, digest)).toThrow(TypeError);
    expect(() => signEcdsaDigest(p224.privateKey, digest)).toThrow(TypeError);
    expect(() => verifyEcdsaDigest(p224.publicKey, digest, Buffer.alloc(8))).toThrow(TypeError);
  });

  it("refuses to sign with a public key", () => {
    expect(() => signEcdsaDigest(publicKey, digest)).toThrow(TypeError);
  });

  it("makes a signature that openssl dgst verifies over the message", () => {
    const directory = mkdtempSync(join(tmpdir(), "kms-byok-ecdsa-"));
    try {
      const publicPem = join(directory, "pub.pem");
      const signatureFile = join(directory, "sig.der");
      const messageFile = join(directory, "msg");
      writeFileSync(publicPem, publicKey.export({ type: "spki", format: "pem" }));
      writeFileSync(signatureFile, signEcdsaDigest(privateKey, digest));
      writeFileSync(messageFile, message);

      const output = execFileSync(
        "openssl",
        ["dgst", "-sha256", "-verify", publicPem, "-signature", signatureFile, messageFile],
        { encoding: "utf8" },
      );

      expect(output.trim()).toBe("Verified OK");
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  describe('RFC 6979 Appendix A.2 known answers, message "sample"', () => {
    const sample = Buffer.from("sample");
    const vectors = [
      {
        section: "A.2.5, P-256 with SHA-256",
        curve: p256,
        x: "C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721",
        r: "EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716",
        s: "F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8",
      },
      {
        section: "A.2.6, P-384 with SHA-384",
        curve: curves[1],
        x: "6B9D3DAD2E1B8C1C05B19875B6659F4DE23C3B667BF297BA9AA47740787137D896D5724E4C70A825F872C9EA60D2EDF5",
        r: "94EDBB92A5ECB8AAD4736E56C691916B3F88140666CE9FA73D64C4EA95AD133C81A648152E44ACF96E36DD1E80FABE46",
        s: "99EF4AEB15F178CEA1FE40DB2603138F130E740A19624526203B6351D0A3A94FA329C145786E679E7B82C71A38628AC8",
      },
      {
        section: "A.2.7, P-521 with SHA-512",
        curve: curves[2],
        x: "0FAD06DAA62BA3B25D2FB40133DA757205DE67F5BB0018FEE8C86E1B68C7E75CAA896EB32F1F47C70855836A6D16FCC1466F6D8FBEC67DB89EC0C08B0E996B83538",
        r: "0C328FAFCBD79DD77850370C46325D987CB525569FB63C5D3BC53950E6D4C5F174E25A1EE9017B5D450606ADD152B534931D7D4E8455CC91F9B15BF05EC36E377FA",
        s: "0617CCE7CF5064806C467F678D3B4080D6F1CC50AF26CA209417308281B68AF282623EAA63E5B5C0723D8B8C37FF0777B1A20F8CCB1DCCC43997F1EE0E44DA4A67A",
      },
    ];

    it.each(vectors)("signs as $section gives", ({ curve, x, r, s }) => {
      const key = keyOf(curve, x);
      const expected = der(BigInt(`0x${r}`), BigInt(`0x${s}`));

      const signature = signEcdsaDigest(key, sha(curve.hash, sample));

      expect(Buffer.from(signature).toString("hex")).toBe(expected.toString("hex"));
      expect(verifyEcdsaDigest(key, sha(curve.hash, sample), expected)).toBe(true);
    });
  });
});
