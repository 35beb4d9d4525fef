import { randomFillSync } from "node:crypto";

/** IVs drawn per refill: one `randomFillSync` call serves this many encryptions. */
const ivsPerRefill = 512;

/**
 * Writes fresh random bytes into `target` (an IV), taken from a buffer refilled by one
 * `randomFillSync` call per {@link ivsPerRefill} IVs instead of one `randomBytes` call each:
 * the bytes are the same CSPRNG output, each handed out once. IVs are public (they travel in
 * the ciphertext), so the buffer holds nothing secret.
 */
export function fillRandomIv(target: Uint8Array): void {
  if (target.byteLength > pool.byteLength - offset) {
    if (target.byteLength * ivsPerRefill > pool.byteLength)
      pool = new Uint8Array(target.byteLength * ivsPerRefill);
    randomFillSync(pool);
    offset = 0;
  }
  target.set(pool.subarray(offset, offset + target.byteLength));
  offset += target.byteLength;
}

let pool = new Uint8Array(0);
let offset = 0;
