/**
 * Whether `a` and `b` hold exactly the same bytes (`undefined` equals nothing).
 *
 * @example
 * ```ts
 * sameBytes(new Uint8Array([1, 2]), Uint8Array.of(1, 2)); // true
 * ```
 */
export function sameBytes(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  if (a === undefined || b === undefined || a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}
