import { err, ok, type Result } from "neverthrow";
import { symmetricKeyMaterialBytes } from "../domain/checkImportedMaterial.js";
import { readSmallFile } from "./readSmallFile.js";

/**
 * Reads the plaintext key material for `kms-byok wrap --key-material`: exactly 32 raw bytes
 * (`openssl rand -out PlaintextKeyMaterial.bin 32`). The error names the file and its size,
 * and says when the file looks like text (hex or base64) rather than raw bytes.
 */
export function readKeyMaterial(path: string): Result<Buffer, string> {
  const problem = (what: string) => err(`--key-material ${path}: ${what}`);
  // Reads more than needed, to tell the size and whether it looks like text.
  const read = readSmallFile(path, 4_096);
  if (read.isErr()) {
    const tooLarge = read.error.startsWith("is larger");
    return problem(tooLarge ? `${read.error}; ${needed}` : read.error);
  }
  const material = read.value;
  if (material.byteLength !== symmetricKeyMaterialBytes) {
    const hint = /^[\x20-\x7e\r\n\t]+$/.test(material.toString("latin1"))
      ? " (it looks like text: decode hex or base64 to raw bytes first)"
      : "";
    material.fill(0);
    return problem(`is ${material.byteLength} bytes; ${needed}${hint}`);
  }
  return ok(material);
}

const needed = `the key material of a symmetric KMS key is exactly ${symmetricKeyMaterialBytes} raw bytes`;
