import {
  createECDH,
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPair,
  type KeyObject,
} from "node:crypto";
import { promisify } from "node:util";
import {
  hmacMaterialRange,
  isHmacSpec,
  isRsaSpec,
  type ModelEccSpec,
  type ModelKeySpec,
  modelCurves,
  modulusBitsOf,
} from "../model/modelKeyKinds.js";

/** One material of an HMAC, RSA or ECC key spec. */
export interface SpecMaterial {
  /** What is wrapped and imported: the HMAC key's bytes, or a PKCS#8 DER private key. */
  readonly bytes: Uint8Array;
  /** The private key of RSA and ECC material. */
  readonly privateKey?: KeyObject;
  /** The DER `SubjectPublicKeyInfo` of RSA and ECC material. */
  readonly publicKey?: Uint8Array;
}

/** The materials a run imports into keys of one spec, and two that no key of it takes. */
export interface SpecMaterialSet {
  readonly pool: readonly SpecMaterial[];
  /** Too short for the spec: HMAC bytes under its minimum, or 16 bytes of a PKCS#8 key. */
  readonly tooShort: Uint8Array;
  /** Too long or of another kind: HMAC bytes over its maximum, or another size or curve. */
  readonly mismatched: Uint8Array;
}

/** How many materials a run has of `spec`: two of RSA_3072 and RSA_4096 (slow to make), else three. */
export function specPoolSize(spec: ModelKeySpec): number {
  return spec === "RSA_3072" || spec === "RSA_4096" ? 2 : 3;
}

/**
 * The materials of the HMAC, RSA and ECC keys of a run. HMAC and EC materials derive from the
 * run's material seed, so a counterexample replays with the same bytes; RSA keys are generated
 * once per process (RSA_3072 and RSA_4096 take seconds) and shared by every run.
 */
export class SpecMaterials {
  private readonly sets = new Map<ModelKeySpec, Promise<SpecMaterialSet>>();

  constructor(readonly seed: number) {}

  /** The materials of `spec`, made on first use. */
  of(spec: ModelKeySpec): Promise<SpecMaterialSet> {
    let set = this.sets.get(spec);
    if (set === undefined) {
      set = makeSet(spec, this.seed);
      this.sets.set(spec, set);
    }
    return set;
  }
}

async function makeSet(spec: ModelKeySpec, seed: number): Promise<SpecMaterialSet> {
  const size = specPoolSize(spec);
  if (isHmacSpec(spec)) {
    const { min, max } = hmacMaterialRange(spec);
    const lengths = [min, max, min + ((seed >>> 0) % (max - min + 1))];
    const pool = lengths.slice(0, size).map((length, position) => {
      const bytes = seededBytes(`${seed}:${spec}:${position}`, length);
      bytes[0] = position;
      return { bytes };
    });
    return {
      pool,
      tooShort: (pool[0]?.bytes ?? new Uint8Array(min)).subarray(0, min - 1),
      mismatched: seededBytes(`${seed}:${spec}:long`, max + 1),
    };
  }
  const keys = isRsaSpec(spec)
    ? (await rsaKeys(modulusBitsOf(spec))).slice(0, size)
    : Array.from({ length: size }, (_, position) => ecKey(spec, `${seed}:${spec}:${position}`));
  const pool = keys.map(privateMaterial);
  const other: KeyObject = isRsaSpec(spec)
    ? await otherRsaKey(spec)
    : ecKey(otherCurve[spec], `${seed}:${spec}:other`);
  return {
    pool,
    tooShort: (pool[0]?.bytes ?? new Uint8Array(16)).subarray(0, 16),
    mismatched: privateMaterial(other).bytes,
  };
}

function privateMaterial(privateKey: KeyObject): SpecMaterial {
  return {
    bytes: new Uint8Array(privateKey.export({ type: "pkcs8", format: "der" })),
    privateKey,
    publicKey: new Uint8Array(createPublicKey(privateKey).export({ type: "spki", format: "der" })),
  };
}

/** A key on another curve whose PKCS#8 still fits RSAES-OAEP under the key's wrapping keys. */
const otherCurve: Readonly<Record<ModelEccSpec, ModelEccSpec>> = {
  ECC_NIST_P256: "ECC_SECG_P256K1",
  ECC_SECG_P256K1: "ECC_NIST_P256",
  ECC_NIST_P384: "ECC_NIST_P256",
  ECC_NIST_P521: "ECC_NIST_P384",
};

const jwkCurves: Readonly<Record<ModelEccSpec, string>> = {
  ECC_NIST_P256: "P-256",
  ECC_NIST_P384: "P-384",
  ECC_NIST_P521: "P-521",
  ECC_SECG_P256K1: "secp256k1",
};

const scalarBytes: Readonly<Record<ModelEccSpec, number>> = {
  ECC_NIST_P256: 32,
  ECC_NIST_P384: 48,
  ECC_NIST_P521: 66,
  ECC_SECG_P256K1: 32,
};

/** An EC private key of `spec` whose scalar derives from `label` (its top byte 0, so below the order). */
function ecKey(spec: ModelEccSpec, label: string): KeyObject {
  const length = scalarBytes[spec];
  const d = Buffer.from(seededBytes(label, length));
  d[0] = 0;
  d[length - 1] = (d[length - 1] ?? 0) | 1;
  const ecdh = createECDH(modelCurves[spec]);
  ecdh.setPrivateKey(d);
  const point = ecdh.getPublicKey();
  const jwk = {
    kty: "EC",
    crv: jwkCurves[spec],
    x: point.subarray(1, 1 + length).toString("base64url"),
    y: point.subarray(1 + length).toString("base64url"),
    d: d.toString("base64url"),
  };
  return createPrivateKey({ key: jwk, format: "jwk" });
}

/** `length` bytes derived from `label` (SHA-256 in counter mode). */
function seededBytes(label: string, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let block = 0; block * 32 < length; block++) {
    const digest = createHash("sha256").update(`${label}#${block}`).digest();
    out.set(digest.subarray(0, Math.min(32, length - block * 32)), block * 32);
  }
  return out;
}

const generate = promisify(generateKeyPair);
const rsaCache = new Map<number, Promise<KeyObject[]>>();

/** Three RSA private keys of `bits` (two of 3072 and 4096 bits), made once per process. */
function rsaKeys(bits: number): Promise<KeyObject[]> {
  let keys = rsaCache.get(bits);
  if (keys === undefined) {
    const count = bits > 2048 ? 2 : bits === 2048 ? 3 : 1;
    keys = Promise.all(
      Array.from({ length: count }, () =>
        generate("rsa", { modulusLength: bits }).then(({ privateKey }) => privateKey),
      ),
    );
    rsaCache.set(bits, keys);
  }
  return keys;
}

/** An RSA key of another size: 1024 bits for RSA_2048, a 2048-bit one for the larger specs. */
async function otherRsaKey(spec: ModelKeySpec): Promise<KeyObject> {
  const [key] = await rsaKeys(spec === "RSA_2048" ? 1024 : 2048);
  if (key === undefined) throw new Error("rsaKeys made no key.");
  return key;
}
