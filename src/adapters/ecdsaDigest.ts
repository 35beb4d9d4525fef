import { createHmac, type KeyObject } from "node:crypto";
import { decodeEcdsaSignature, encodeEcdsaSignature } from "./ecdsaSignatureDer.js";

/**
 * ECDSA over a precomputed digest (AWS KMS `MessageType: DIGEST`), which `node:crypto` cannot
 * do: its `sign` and `verify` always hash their input first. This is textbook ECDSA (SEC 1 v2
 * §4.1.3 and §4.1.4) in `bigint` arithmetic, with Jacobian coordinates and RFC 6979
 * deterministic nonces, over the four curves of the KMS ECC key specs.
 *
 * Written to be clear, not fast or constant-time: its timing depends on the private key and the
 * nonce. That is acceptable here because kms-byok is an emulator whose keys are test keys; it is
 * no place for production secrets.
 */

/** A short Weierstrass curve y² = x³ + ax + b over GF(p) (b is not needed), with its base point. */
interface Curve {
  readonly p: bigint;
  readonly a: bigint;
  /** The order of the base point G. */
  readonly n: bigint;
  readonly gx: bigint;
  readonly gy: bigint;
  /** The bit length of n (qlen in RFC 6979). */
  readonly bits: number;
}

const curve = (p: string, a: string, n: string, gx: string, gy: string): Curve => {
  const order = BigInt(`0x${n}`);
  return {
    p: BigInt(`0x${p}`),
    a: BigInt(`0x${a}`),
    n: order,
    gx: BigInt(`0x${gx}`),
    gy: BigInt(`0x${gy}`),
    bits: order.toString(2).length,
  };
};

/** SEC 2 v2 parameters, by the name `KeyObject.asymmetricKeyDetails.namedCurve` gives. */
const curves: Readonly<Record<string, Curve>> = {
  prime256v1: curve(
    "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff",
    "ffffffff00000001000000000000000000000000fffffffffffffffffffffffc",
    "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551",
    "6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296",
    "4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5",
  ),
  secp384r1: curve(
    "fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffff",
    "fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000fffffffc",
    "ffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973",
    "aa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab7",
    "3617de4a96262c6f5d9e98bf9292dc29f8f41dbd289a147ce9da3113b5f0b8c00a60b1ce1d7e819d7a431d7c90ea0e5f",
  ),
  secp521r1: curve(
    `1${"f".repeat(130)}`,
    `1${"f".repeat(129)}c`,
    "1fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409",
    "c6858e06b70404e9cd9e3ecb662395b4429c648139053fb521f828af606b4d3dbaa14b5e77efe75928fe1dc127a2ffa8de3348b3c1856a429bf97e7e31c2e5bd66",
    "11839296a789a3bc0045c8a5fb42c7d1bd998f54449579b446817afbd17273e662c97ee72995ef42640c550b9013fad0761353c7086a272c24088be94769fd16650",
  ),
  secp256k1: curve(
    "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f",
    "0",
    "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141",
    "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798",
    "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8",
  ),
};

/**
 * The DER signature `SEQUENCE { INTEGER r, INTEGER s }` (as `crypto.sign` makes for an EC key)
 * of `digest` under the EC private key `privateKey`, with the RFC 6979 nonce: signing the same
 * digest with the same key always gives the same signature.
 *
 * The digest becomes the integer e of its leftmost bits, as many as the curve order has (SEC 1
 * §4.1.3 step 5). The nonce's HMAC hash is SHA-256, SHA-384 or SHA-512 for a digest of 32, 48
 * or 64 bytes, as RFC 6979 pairs them; any other length takes the next larger of the three.
 *
 * Throws `TypeError` when `privateKey` is not a private key on prime256v1, secp384r1,
 * secp521r1 or secp256k1.
 */
export function signEcdsaDigest(privateKey: KeyObject, digest: Uint8Array): Uint8Array {
  const c = curveOf(privateKey);
  const jwk = privateKey.export({ format: "jwk" });
  if (typeof jwk.d !== "string") throw new TypeError("ECDSA signing needs a private key.");
  const d = bytesToInt(Buffer.from(jwk.d, "base64url"));
  const e = bitsToInt(digest, c.bits);
  const nonces = rfc6979Nonces(c, d, e, digest.length);
  for (;;) {
    const k = nonces.next().value;
    const r = mod(toAffine(multiply(k, { x: c.gx, y: c.gy, z: 1n }, c), c.p).x, c.n);
    const s = mod(inverse(k, c.n) * (e + r * d), c.n);
    if (r !== 0n && s !== 0n) return encodeEcdsaSignature(r, s);
  }
}

/**
 * Whether `signature`, DER as {@link signEcdsaDigest} and `crypto.sign` make it, is an ECDSA
 * signature of `digest` under the EC key `publicKey` (a private key serves too). Anything that
 * is not strict DER of two integers in [1, n − 1], or has bytes after it, is no signature: the
 * answer is `false`, never an exception.
 *
 * Throws `TypeError` when `publicKey` is not a key on prime256v1, secp384r1, secp521r1 or
 * secp256k1.
 */
export function verifyEcdsaDigest(
  publicKey: KeyObject,
  digest: Uint8Array,
  signature: Uint8Array,
): boolean {
  const c = curveOf(publicKey);
  const decoded = decodeEcdsaSignature(signature, c.n);
  if (decoded === undefined) return false;
  const { r, s } = decoded;
  const jwk = publicKey.export({ format: "jwk" });
  const q = {
    x: bytesToInt(Buffer.from(String(jwk.x), "base64url")),
    y: bytesToInt(Buffer.from(String(jwk.y), "base64url")),
    z: 1n,
  };
  const e = bitsToInt(digest, c.bits);
  const w = inverse(s, c.n);
  const point = add(
    multiply(mod(e * w, c.n), { x: c.gx, y: c.gy, z: 1n }, c),
    multiply(mod(r * w, c.n), q, c),
    c,
  );
  return point.z !== 0n && mod(toAffine(point, c.p).x, c.n) === r;
}

function curveOf(key: KeyObject): Curve {
  const name = key.asymmetricKeyType === "ec" ? key.asymmetricKeyDetails?.namedCurve : undefined;
  const found = curves[name ?? ""];
  if (found === undefined) {
    throw new TypeError(`ECDSA over a digest supports no key on ${name ?? "no named curve"}.`);
  }
  return found;
}

// --- Integers --------------------------------------------------------------------------------

const mod = (value: bigint, modulus: bigint): bigint => {
  const rest = value % modulus;
  return rest < 0n ? rest + modulus : rest;
};

/** `value`⁻¹ mod the prime `modulus`, by Fermat: value^(modulus − 2). */
function inverse(value: bigint, modulus: bigint): bigint {
  let result = 1n;
  let base = mod(value, modulus);
  for (let exponent = modulus - 2n; exponent > 0n; exponent >>= 1n) {
    if (exponent & 1n) result = (result * base) % modulus;
    base = (base * base) % modulus;
  }
  return result;
}

const bytesToInt = (bytes: Uint8Array): bigint =>
  bytes.length === 0 ? 0n : BigInt(`0x${Buffer.from(bytes).toString("hex")}`);

/** `value` as `length` big-endian bytes (int2octets of RFC 6979 §2.3.3). */
const intToBytes = (value: bigint, length: number): Buffer =>
  Buffer.from(value.toString(16).padStart(2 * length, "0"), "hex");

/**
 * The integer of the leftmost `bits` bits of `bytes`, or of all of them when there are fewer:
 * SEC 1 §4.1.3 step 5 for a digest, and bits2int of RFC 6979 §2.3.2.
 */
function bitsToInt(bytes: Uint8Array, bits: number): bigint {
  const value = bytesToInt(bytes);
  const excess = 8 * bytes.length - bits;
  return excess > 0 ? value >> BigInt(excess) : value;
}

// --- Points: Jacobian (X, Y, Z) is the affine (X/Z², Y/Z³); Z = 0 is the point at infinity ----

interface Point {
  readonly x: bigint;
  readonly y: bigint;
  readonly z: bigint;
}

const infinity: Point = { x: 1n, y: 1n, z: 0n };

function double(point: Point, c: Curve): Point {
  const { x, y, z } = point;
  if (z === 0n || y === 0n) return infinity;
  const yy = mod(y * y, c.p);
  const zz = mod(z * z, c.p);
  const s = mod(4n * x * yy, c.p);
  const m = mod(3n * x * x + c.a * zz * zz, c.p);
  const x3 = mod(m * m - 2n * s, c.p);
  return { x: x3, y: mod(m * (s - x3) - 8n * yy * yy, c.p), z: mod(2n * y * z, c.p) };
}

function add(first: Point, second: Point, c: Curve): Point {
  if (first.z === 0n) return second;
  if (second.z === 0n) return first;
  const z1z1 = mod(first.z * first.z, c.p);
  const z2z2 = mod(second.z * second.z, c.p);
  const u1 = mod(first.x * z2z2, c.p);
  const u2 = mod(second.x * z1z1, c.p);
  const s1 = mod(first.y * second.z * z2z2, c.p);
  const s2 = mod(second.y * first.z * z1z1, c.p);
  if (u1 === u2) return s1 === s2 ? double(first, c) : infinity;
  const h = u2 - u1;
  const r = s2 - s1;
  const hh = mod(h * h, c.p);
  const hhh = mod(h * hh, c.p);
  const x3 = mod(r * r - hhh - 2n * u1 * hh, c.p);
  return {
    x: x3,
    y: mod(r * (u1 * hh - x3) - s1 * hhh, c.p),
    z: mod(h * first.z * second.z, c.p),
  };
}

/** `scalar` × `point`, double-and-add from the top bit. */
function multiply(scalar: bigint, point: Point, c: Curve): Point {
  let result = infinity;
  for (const bit of scalar.toString(2)) {
    result = double(result, c);
    if (bit === "1") result = add(result, point, c);
  }
  return result;
}

function toAffine(point: Point, p: bigint): { x: bigint; y: bigint } {
  const zInverse = inverse(point.z, p);
  const zz = mod(zInverse * zInverse, p);
  return { x: mod(point.x * zz, p), y: mod(point.y * zz * zInverse, p) };
}

// --- RFC 6979 §3.2 nonces ----------------------------------------------------------------------

/** The candidate nonces k of RFC 6979 §3.2 for private key `d` and digest integer `e`, in order. */
function* rfc6979Nonces(
  c: Curve,
  d: bigint,
  e: bigint,
  digestLength: number,
): Generator<bigint, never> {
  const hash = digestLength <= 32 ? "sha256" : digestLength <= 48 ? "sha384" : "sha512";
  const hmac = (key: Uint8Array, ...parts: Uint8Array[]): Buffer =>
    parts.reduce((mac, part) => mac.update(part), createHmac(hash, key)).digest();
  const rlen = Math.ceil(c.bits / 8);
  // int2octets(x) ‖ bits2octets(h1); bits2int(h1) is e, so bits2octets(h1) is e mod n.
  const seed = Buffer.concat([intToBytes(d, rlen), intToBytes(mod(e, c.n), rlen)]);
  const hlen = hmac(Buffer.alloc(0)).length;
  let v: Buffer = Buffer.alloc(hlen, 0x01); // step b
  let k: Buffer = Buffer.alloc(hlen, 0x00); // step c
  k = hmac(k, v, Buffer.of(0x00), seed); // step d
  v = hmac(k, v); // step e
  k = hmac(k, v, Buffer.of(0x01), seed); // step f
  v = hmac(k, v); // step g
  for (;;) {
    // step h: T of at least qlen bits, its leftmost qlen bits a candidate when in [1, n − 1]
    let t: Buffer = Buffer.alloc(0);
    while (8 * t.length < c.bits) {
      v = hmac(k, v);
      t = Buffer.concat([t, v]);
    }
    const candidate = bitsToInt(t, c.bits);
    if (candidate >= 1n && candidate < c.n) yield candidate;
    k = hmac(k, v, Buffer.of(0x00));
    v = hmac(k, v);
  }
}
