import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { deriveKeyMaterialId } from "../../src/adapters/deriveKeyMaterialId.js";
import type { KeyId } from "../../src/domain/keyId.js";
import { isKeyMaterialId } from "../../src/domain/keyMaterialId.js";
import { material } from "../support/kmsHarness.js";

const keyId = "1234abcd-12ab-34cd-56ef-1234567890ab" as KeyId;
const otherKeyId = "0987dcba-09ba-87dc-65fe-0987654321ba" as KeyId;
const counting = Uint8Array.from({ length: 32 }, (_, i) => i);

/** The documented encoding, written out independently: each part preceded by its 4-byte big-endian length. */
function documentedEncoding(parts: readonly Uint8Array[]): string {
  const hash = createHash("sha256");
  for (const part of parts) {
    const length = new Uint8Array(4);
    new DataView(length.buffer).setUint32(0, part.byteLength, false);
    hash.update(length);
    hash.update(part);
  }
  return hash.digest("hex");
}

describe("deriveKeyMaterialId", () => {
  it("returns 64 lowercase hex digits", () => {
    const id = deriveKeyMaterialId(keyId, material());

    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(isKeyMaterialId(id)).toBe(true);
  });

  it("returns the same ID for the same key ID and material", () => {
    const bytes = material();

    expect(deriveKeyMaterialId(keyId, bytes)).toBe(deriveKeyMaterialId(keyId, Buffer.from(bytes)));
  });

  it("returns different IDs for the same material in two keys", () => {
    const bytes = material();

    expect(deriveKeyMaterialId(keyId, bytes)).not.toBe(deriveKeyMaterialId(otherKeyId, bytes));
  });

  it("returns different IDs for different material in the same key", () => {
    const bytes = material();
    const changed = Buffer.from(bytes);
    changed[31] = (changed[31] ?? 0) ^ 0x01;

    expect(deriveKeyMaterialId(keyId, bytes)).not.toBe(deriveKeyMaterialId(keyId, changed));
  });

  it("is not the plain SHA-256 of the material", () => {
    const bytes = material();

    expect(deriveKeyMaterialId(keyId, bytes)).not.toBe(
      createHash("sha256").update(bytes).digest("hex"),
    );
  });

  it("hashes the length-prefixed domain separator, key ID and material as documented", () => {
    const encoder = new TextEncoder();
    const bytes = material();
    const expected = documentedEncoding([
      encoder.encode("kms-byok/key-material-id/v1"),
      encoder.encode(keyId),
      bytes,
    ]);

    expect(deriveKeyMaterialId(keyId, bytes)).toBe(expected);
  });

  it("matches the fixed vector for key 1234abcd-12ab-34cd-56ef-1234567890ab and material 00 01 … 1f", () => {
    // Computed outside Node with Python hashlib over the documented encoding.
    expect(deriveKeyMaterialId(keyId, counting)).toBe(
      "50d09758a6ed3dad68874d3f841695bb9c40ce23d7361c118b9d9d5b566a8f03",
    );
  });

  it("uses the length prefixes, so moving bytes between parts changes the ID", () => {
    const encoder = new TextEncoder();
    const unprefixed = createHash("sha256")
      .update(encoder.encode("kms-byok/key-material-id/v1"))
      .update(encoder.encode(keyId))
      .update(counting)
      .digest("hex");

    expect(deriveKeyMaterialId(keyId, counting)).not.toBe(unprefixed);
  });
});
