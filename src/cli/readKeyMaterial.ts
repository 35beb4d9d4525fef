import { err, ok, type Result } from "neverthrow";
import {
  hmacMaterialBytes,
  isEccKeySpec,
  isRsaKeySpec,
  type KeySpec,
  symmetricKeyMaterialBytes,
} from "../domain/keySpec.js";
import { readPrivateKey } from "./readPrivateKey.js";
import { readSmallFile } from "./readSmallFile.js";

/**
 * Reads the plaintext key material of a `spec` key for `kms-byok wrap --key-material`: raw bytes
 * for a symmetric key (exactly 32: `openssl rand -out PlaintextKeyMaterial.bin 32`) or an HMAC
 * key (the spec's range of lengths); for an RSA or ECC key, its private key as PKCS#8 DER
 * ({@link readPrivateKey}). The error names the file and its size, and says when the file looks
 * like text (hex, base64 or PEM) rather than raw bytes.
 */
export function readKeyMaterial(path: string, spec: KeySpec): Result<Buffer, string> {
  if (isRsaKeySpec(spec) || isEccKeySpec(spec)) return readPrivateKey(path, spec);
  const { min, max } =
    spec === "SYMMETRIC_DEFAULT"
      ? { min: symmetricKeyMaterialBytes, max: symmetricKeyMaterialBytes }
      : hmacMaterialBytes[spec];
  const needed =
    spec === "SYMMETRIC_DEFAULT"
      ? `the key material of a symmetric KMS key is exactly ${min} raw bytes`
      : `the key material of an ${spec} KMS key is ${min} to ${max} raw bytes`;
  const problem = (what: string) => err(`--key-material ${path}: ${what}`);
  // Reads more than needed, to tell the size and whether it looks like text.
  const read = readSmallFile(path, 4_096);
  if (read.isErr()) {
    const tooLarge = read.error.startsWith("is larger");
    return problem(tooLarge ? `${read.error}; ${needed}` : read.error);
  }
  const material = read.value;
  if (material.byteLength < min || material.byteLength > max) {
    const hint = textHint(material.toString("latin1"));
    material.fill(0);
    return problem(`is ${material.byteLength} bytes; ${needed}${hint}`);
  }
  return ok(material);
}

function textHint(text: string): string {
  if (text.includes("-----BEGIN ")) {
    return " (it is PEM: for the private key of an RSA or ECC key, give its --key-spec)";
  }
  return /^[\x20-\x7e\r\n\t]+$/.test(text)
    ? " (it looks like text: decode hex or base64 to raw bytes first)"
    : "";
}
