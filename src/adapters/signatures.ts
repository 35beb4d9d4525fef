import {
  constants,
  createHash,
  type KeyObject,
  privateEncrypt,
  publicDecrypt,
  randomBytes,
  sign,
  timingSafeEqual,
  verify,
} from "node:crypto";
import type { SigningAlgorithm } from "../domain/keyAlgorithms.js";
import type { MessageType } from "../ports/cryptoProvider.js";
import { signEcdsaDigest, verifyEcdsaDigest } from "./ecdsaDigest.js";

/** The hash of a signing algorithm, as Node names it. */
const hashOf = (algorithm: SigningAlgorithm) =>
  `sha${algorithm.slice(-3)}` as "sha256" | "sha384" | "sha512";

const pss = (algorithm: SigningAlgorithm) => algorithm.startsWith("RSASSA_PSS");

/**
 * The signature of `message` under `privateKey` by `algorithm`: RSASSA-PSS (MGF1 with the same
 * hash, a salt as long as the hash), RSASSA-PKCS1-v1_5 or ECDSA (DER-encoded), as AWS KMS signs.
 * For `DIGEST`, `message` is the digest and is signed as such: RSA through a raw RSA operation,
 * ECDSA by {@link signEcdsaDigest} (Node signs only what it hashes itself).
 */
export function signMessage(
  privateKey: KeyObject,
  message: Uint8Array,
  algorithm: SigningAlgorithm,
  messageType: MessageType,
): Uint8Array {
  if (messageType === "DIGEST") {
    if (algorithm.startsWith("ECDSA")) return signEcdsaDigest(privateKey, message);
    const hash = hashOf(algorithm);
    const encoded = pss(algorithm)
      ? emsaPss(message, hash, (privateKey.asymmetricKeyDetails?.modulusLength ?? 0) - 1)
      : Buffer.concat([digestInfoPrefix[hash], message]);
    return new Uint8Array(
      privateEncrypt(
        {
          key: privateKey,
          padding: pss(algorithm) ? constants.RSA_NO_PADDING : constants.RSA_PKCS1_PADDING,
        },
        encoded,
      ),
    );
  }
  return new Uint8Array(sign(hashOf(algorithm), message, rsaOptions(privateKey, algorithm)));
}

/** Whether `signature` is `algorithm`'s signature of `message` (or of the digest it is) under `publicKey`. */
export function verifySignature(
  publicKey: KeyObject,
  message: Uint8Array,
  signature: Uint8Array,
  algorithm: SigningAlgorithm,
  messageType: MessageType,
): boolean {
  if (messageType === "RAW") {
    try {
      return verify(hashOf(algorithm), message, rsaOptions(publicKey, algorithm), signature);
    } catch {
      return false;
    }
  }
  if (algorithm.startsWith("ECDSA")) return verifyEcdsaDigest(publicKey, message, signature);
  const hash = hashOf(algorithm);
  try {
    const opened = publicDecrypt(
      {
        key: publicKey,
        padding: pss(algorithm) ? constants.RSA_NO_PADDING : constants.RSA_PKCS1_PADDING,
      },
      signature,
    );
    if (!pss(algorithm)) {
      const expected = Buffer.concat([digestInfoPrefix[hash], message]);
      return opened.length === expected.length && timingSafeEqual(opened, expected);
    }
    return emsaPssVerify(
      message,
      opened,
      hash,
      (publicKey.asymmetricKeyDetails?.modulusLength ?? 0) - 1,
    );
  } catch {
    return false;
  }
}

function rsaOptions(key: KeyObject, algorithm: SigningAlgorithm) {
  return pss(algorithm)
    ? {
        key,
        padding: constants.RSA_PKCS1_PSS_PADDING,
        saltLength: constants.RSA_PSS_SALTLEN_DIGEST,
      }
    : { key, dsaEncoding: "der" as const };
}

type Hash = ReturnType<typeof hashOf>;

/** The DER DigestInfo header before a digest in an RSASSA-PKCS1-v1_5 signature (RFC 8017 §9.2). */
const digestInfoPrefix: Readonly<Record<Hash, Buffer>> = {
  sha256: Buffer.from("3031300d060960864801650304020105000420", "hex"),
  sha384: Buffer.from("3041300d060960864801650304020205000430", "hex"),
  sha512: Buffer.from("3051300d060960864801650304020305000440", "hex"),
};

/** MGF1 (RFC 8017 §B.2.1) of `seed`, `length` bytes long. */
function mgf1(seed: Uint8Array, length: number, hash: Hash): Buffer {
  const blocks: Buffer[] = [];
  for (let counter = 0, produced = 0; produced < length; counter++) {
    const block = createHash(hash).update(seed).update(uint32(counter)).digest();
    blocks.push(block);
    produced += block.length;
  }
  return Buffer.concat(blocks).subarray(0, length);
}

function uint32(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(value);
  return bytes;
}

/**
 * EMSA-PSS encoding (RFC 8017 §9.1.1) of an already computed digest, with a salt as long as the
 * hash, left-padded to the modulus length for a raw RSA operation.
 */
function emsaPss(digest: Uint8Array, hash: Hash, emBits: number): Buffer {
  const hLen = digest.length;
  const emLen = Math.ceil(emBits / 8);
  const salt = randomBytes(hLen);
  const h = createHash(hash).update(Buffer.alloc(8)).update(digest).update(salt).digest();
  const db = Buffer.concat([Buffer.alloc(emLen - 2 * hLen - 2), Buffer.from([1]), salt]);
  const masked = mgf1(h, db.length, hash).map((byte, i) => byte ^ (db[i] ?? 0));
  masked[0] = (masked[0] ?? 0) & (0xff >> (8 * emLen - emBits));
  const em = Buffer.concat([masked, h, Buffer.from([0xbc])]);
  return Buffer.concat([Buffer.alloc(Math.ceil((emBits + 1) / 8) - em.length), em]);
}

/** EMSA-PSS verification (RFC 8017 §9.1.2) of `opened`, the raw RSA result of a signature. */
function emsaPssVerify(digest: Uint8Array, opened: Buffer, hash: Hash, emBits: number): boolean {
  const hLen = digest.length;
  const emLen = Math.ceil(emBits / 8);
  const em = opened.subarray(opened.length - emLen);
  if (opened.subarray(0, opened.length - emLen).some((b) => b !== 0)) return false;
  if (em.length < 2 * hLen + 2 || em[em.length - 1] !== 0xbc) return false;
  const masked = em.subarray(0, emLen - hLen - 1);
  const h = em.subarray(emLen - hLen - 1, emLen - 1);
  const db = mgf1(h, masked.length, hash).map((byte, i) => byte ^ (masked[i] ?? 0));
  db[0] = (db[0] ?? 0) & (0xff >> (8 * emLen - emBits));
  const separator = db.length - hLen - 1;
  if (db.subarray(0, separator).some((b) => b !== 0) || db[separator] !== 1) return false;
  const salt = db.subarray(separator + 1);
  const expected = createHash(hash).update(Buffer.alloc(8)).update(digest).update(salt).digest();
  return timingSafeEqual(expected, h);
}
