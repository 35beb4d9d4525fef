import fc from "fast-check";

/** Valid `GrantTokens`: up to 10 tokens of 1–8192 characters (kms-byok only validates them). */
export function grantTokens(): fc.Arbitrary<string[]> {
  return fc.array(fc.string({ minLength: 1, maxLength: 24 }), { maxLength: 10 });
}

/** Valid `EncryptionContext` maps: well-formed Unicode keys and values. */
export function encryptionContext(): fc.Arbitrary<Record<string, string>> {
  const text = fc.string({ unit: "grapheme", maxLength: 16 });
  return fc.dictionary(text, text, { maxKeys: 4, noNullPrototype: true });
}

/** Valid blobs of `min` to `max` bytes (generated short). */
export function blob(min: number, max: number): fc.Arbitrary<Uint8Array> {
  return fc.uint8Array({ minLength: min, maxLength: max, size: "small" });
}

/** Valid `KeyMaterialId` values: 64 lowercase hex digits. */
export function keyMaterialId(): fc.Arbitrary<string> {
  return fc.stringMatching(/^[0-9a-f]{64}$/);
}

/** Strings of `n` characters, `n` from `min` to `max` (shrinking towards `min`). */
export function longString(min: number, max: number): fc.Arbitrary<string> {
  return fc.integer({ min, max }).map((n) => "x".repeat(n));
}

/** Zero-filled blobs of `min` to `max` bytes (shrinking towards `min`). */
export function longBlob(min: number, max: number): fc.Arbitrary<Uint8Array> {
  return fc.integer({ min, max }).map((n) => new Uint8Array(n));
}

/** A well-formed `Marker` (1–16 characters of U+0020–U+00FF) that names no page. */
export function pageMarker(): fc.Arbitrary<string> {
  return fc.string({
    unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c)),
    minLength: 1,
    maxLength: 16,
  });
}
