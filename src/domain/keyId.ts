import type { Brand } from "./brand.js";

/** A single-Region key ID: a lowercase UUID such as `1234abcd-12ab-34cd-56ef-1234567890ab`. */
export type KeyId = Brand<string, "KeyId">;

const keyIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Multi-Region key IDs (`mrk-` and 32 hex digits), which kms-byok does not support (docs/decisions/0001-symmetric-keys-only.md). */
export const multiRegionKeyIdPattern = /^mrk-[0-9a-f]{32}$/;

/**
 * Tells whether `value` is a single-Region key ID.
 *
 * @example
 * ```ts
 * isKeyId("1234abcd-12ab-34cd-56ef-1234567890ab"); // true
 * ```
 */
export function isKeyId(value: string): value is KeyId {
  return keyIdPattern.test(value);
}
