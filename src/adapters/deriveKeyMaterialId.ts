import { createHash } from "node:crypto";
import type { KeyId } from "../domain/keyId.js";
import type { KeyMaterialId } from "../domain/keyMaterialId.js";

const domainSeparator = "kms-byok/key-material-id/v1";

/**
 * The key material ID of docs/decisions/0010-key-material-id.md: SHA-256 over a length-prefixed encoding of a domain separator,
 * the key ID and the material, as 64 lowercase hex digits. The same material in two keys gets
 * two IDs; nothing about the material can be read from it.
 */
export function deriveKeyMaterialId(keyId: KeyId, material: Uint8Array): KeyMaterialId {
  const hash = createHash("sha256");
  for (const part of [Buffer.from(domainSeparator, "utf8"), Buffer.from(keyId, "utf8"), material]) {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(part.byteLength);
    hash.update(length).update(part);
  }
  return hash.digest("hex") as KeyMaterialId;
}
