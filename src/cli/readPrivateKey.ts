import { createPrivateKey, createPublicKey, type KeyObject } from "node:crypto";
import { err, ok, type Result } from "neverthrow";
import {
  type EccKeySpec,
  eccCurves,
  isRsaKeySpec,
  type RsaKeySpec,
  rsaModulusBits,
} from "../domain/keySpec.js";
import { readSmallFile } from "./readSmallFile.js";

/** A private key read from a file, with the PKCS#8 DER to wrap; or what the file holds instead. */
type Parsed = { readonly key: KeyObject; readonly der: Buffer } | { readonly problem: string };

/**
 * Reads the private key of an RSA or ECC `spec` key for `kms-byok wrap --key-material`: PKCS#8 as
 * DER or PEM (`BEGIN PRIVATE KEY`), kept byte for byte, or the traditional RSA or EC form as PEM
 * (`BEGIN RSA PRIVATE KEY`, `BEGIN EC PRIVATE KEY`: `openssl genrsa -traditional`, `openssl
 * ecparam -genkey`) or DER (`openssl genpkey -outform DER`), converted to PKCS#8. Returns the
 * PKCS#8 DER. The error names the file, what it holds (a public key, an encrypted key, a key of
 * another type, size or curve) and what the spec needs.
 */
export function readPrivateKey(
  path: string,
  spec: RsaKeySpec | EccKeySpec,
): Result<Buffer, string> {
  const needed = isRsaKeySpec(spec)
    ? `its RSA private key with a ${rsaModulusBits[spec]}-bit modulus`
    : `its EC private key on the curve ${eccCurves[spec]}`;
  const problem = (what: string) =>
    err(
      `--key-material ${path}: ${what}; the key material of an ${spec} KMS key is ${needed}, as PKCS#8 DER or PEM`,
    );
  const read = readSmallFile(path, 16_384);
  if (read.isErr()) return problem(read.error);
  const parsed = parseKeyFile(read.value, path);
  read.value.fill(0);
  if ("problem" in parsed) return problem(parsed.problem);

  const { key, der } = parsed;
  const details = key.asymmetricKeyDetails ?? {};
  const fits = isRsaKeySpec(spec)
    ? key.asymmetricKeyType === "rsa" && details.modulusLength === rsaModulusBits[spec]
    : key.asymmetricKeyType === "ec" && details.namedCurve === eccCurves[spec];
  if (fits) return ok(der);
  der.fill(0);
  return problem(
    key.asymmetricKeyType === "rsa"
      ? `is an RSA private key with a ${details.modulusLength ?? 0}-bit modulus`
      : key.asymmetricKeyType === "ec"
        ? `is an EC private key on the curve ${details.namedCurve ?? "unknown"}`
        : `is a private key of type ${key.asymmetricKeyType ?? "unknown"}`,
  );
}

function parseKeyFile(file: Buffer, path: string): Parsed {
  const text = file.toString("latin1");
  if (/-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type: 4,ENCRYPTED/.test(text)) {
    return {
      problem: `is an encrypted private key (decrypt it first: openssl pkey -in ${path} -out key.pem)`,
    };
  }
  const pkcs8 = /-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\s]*)-----END PRIVATE KEY-----/.exec(
    text,
  );
  if (pkcs8 !== null) {
    const der = Buffer.from((pkcs8[1] ?? "").replace(/\s+/g, ""), "base64");
    return fromDer(der, "pkcs8") ?? { problem: "holds a PEM PRIVATE KEY that does not decode" };
  }
  const traditional = /-----BEGIN (RSA|EC) PRIVATE KEY-----/.exec(text);
  if (traditional !== null) {
    try {
      return pkcs8Of(createPrivateKey({ key: text, format: "pem" }));
    } catch {
      return { problem: `holds a PEM ${traditional[1]} PRIVATE KEY that does not decode` };
    }
  }
  const label = /-----BEGIN ([A-Z0-9 ]+)-----/.exec(text)?.[1];
  if (label !== undefined) {
    return {
      problem: label.endsWith("PUBLIC KEY")
        ? `is a public key (PEM ${label}), not the private key`
        : `is a PEM ${label}, not a private key`,
    };
  }
  const found = fromDer(file, "pkcs8") ?? fromDer(file, "pkcs1") ?? fromDer(file, "sec1");
  if (found !== undefined) return found;
  return isPublicKeyDer(file)
    ? { problem: "is a public key (DER SubjectPublicKeyInfo), not the private key" }
    : { problem: "is not a private key" };
}

/** The key in `der`, when it is exactly one DER structure of that type; PKCS#8 kept as it is. */
function fromDer(der: Buffer, type: "pkcs8" | "pkcs1" | "sec1"): Parsed | undefined {
  if (derLength(der) !== der.byteLength) return undefined;
  try {
    const key = createPrivateKey({ key: der, format: "der", type });
    return type === "pkcs8" ? { key, der: Buffer.from(der) } : pkcs8Of(key);
  } catch {
    return undefined;
  }
}

const pkcs8Of = (key: KeyObject): Parsed => ({
  key,
  der: key.export({ format: "der", type: "pkcs8" }),
});

function isPublicKeyDer(der: Buffer): boolean {
  try {
    createPublicKey({ key: der, format: "der", type: "spki" });
    return true;
  } catch {
    return false;
  }
}

/** The length of the DER SEQUENCE that `der` starts with, header included. */
function derLength(der: Buffer): number | undefined {
  const first = der[1];
  if (der[0] !== 0x30 || first === undefined) return undefined;
  if (first < 0x80) return 2 + first;
  const octets = first & 0x7f;
  if (octets === 0 || octets > 3 || der.byteLength < 2 + octets) return undefined;
  let length = 0;
  for (const octet of der.subarray(2, 2 + octets)) length = length * 256 + octet;
  return 2 + octets + length;
}
