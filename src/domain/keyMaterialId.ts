import type { Brand } from "./brand.js";

/** A key material ID (docs/decisions/0010-key-material-id.md): 64 lowercase hex digits, a fingerprint of (key ID, material). */
export type KeyMaterialId = Brand<string, "KeyMaterialId">;

const keyMaterialIdPattern = /^[0-9a-f]{64}$/;

/** Tells whether `value` has the shape of a key material ID. */
export function isKeyMaterialId(value: string): value is KeyMaterialId {
  return keyMaterialIdPattern.test(value);
}

/**
 * Compares two key material IDs in time that depends only on their length, so the sameness
 * check of docs/decisions/0004-material-bound-forever.md does not reveal how much of a guessed fingerprint was right.
 */
export function sameKeyMaterialId(a: KeyMaterialId, b: KeyMaterialId): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}
