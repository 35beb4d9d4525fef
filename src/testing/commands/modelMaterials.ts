import { materialPoolSize } from "./commandChoices.js";

/**
 * The distinct 32-byte materials of a run, derived from one number so that a counterexample
 * prints short. Byte 0 is the material's position, so no two are alike.
 */
export function modelMaterials(seed: number): Uint8Array[] {
  return Array.from({ length: materialPoolSize }, (_, position) => {
    let state = (seed ^ Math.imul(position + 1, 0x9e3779b1)) >>> 0;
    return Uint8Array.from({ length: 32 }, (_, i) => {
      if (i === 0) return position;
      state = Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) >>> 0;
      state = (state ^ (state >>> 12)) >>> 0;
      return state & 0xff;
    });
  });
}
