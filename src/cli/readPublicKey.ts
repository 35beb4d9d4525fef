import { createPublicKey, type KeyObject } from "node:crypto";
import { err, ok, type Result } from "neverthrow";
import { readSmallFile } from "./readSmallFile.js";

/** A wrapping public key read from a file, and the form it was in. */
export interface PublicKeyFile {
  readonly key: KeyObject;
  readonly format: "DER" | "base64" | "PEM";
}

const expected =
  "expected the PublicKey of get-parameters-for-import as DER (base64 -d > PublicKey.bin), " +
  "as its base64 text, or as PEM";

/**
 * Reads the RSA public key for `kms-byok wrap --public-key`, telling the forms apart by their
 * content: DER SubjectPublicKeyInfo bytes, the base64 text of them (whitespace and surrounding
 * quotes allowed, as `--query PublicKey` prints it), or a PEM `PUBLIC KEY`.
 */
export function readPublicKey(path: string): Result<PublicKeyFile, string> {
  const problem = (what: string) => err(`--public-key ${path}: ${what}`);
  const read = readSmallFile(path, 65_536);
  if (read.isErr()) return problem(read.error);
  const bytes = read.value;
  if (bytes.byteLength === 0) return problem(`is empty; ${expected}`);

  const parsed = parseDer(bytes) ?? parseText(bytes.toString("latin1"));
  if (parsed === undefined) return problem(`is not a public key; ${expected}`);
  if (parsed.key.asymmetricKeyType !== "rsa") {
    return problem(
      `is not an RSA public key (its type is ${parsed.key.asymmetricKeyType ?? "unknown"}); ${expected}`,
    );
  }
  return ok(parsed);
}

function parseDer(der: Buffer): PublicKeyFile | undefined {
  try {
    return { key: createPublicKey({ key: der, format: "der", type: "spki" }), format: "DER" };
  } catch {
    return undefined;
  }
}

function parseText(text: string): PublicKeyFile | undefined {
  if (/-----BEGIN (RSA )?PUBLIC KEY-----/.test(text)) {
    try {
      return { key: createPublicKey({ key: text, format: "pem" }), format: "PEM" };
    } catch {
      return undefined;
    }
  }
  const base64 = text
    .trim()
    .replace(/^"(.*)"$/s, "$1")
    .replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64) || base64.length % 4 === 1) return undefined;
  const der = parseDer(Buffer.from(base64, "base64"));
  return der === undefined ? undefined : { key: der.key, format: "base64" };
}
