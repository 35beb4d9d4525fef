import fc from "fast-check";
import { keyMaterial } from "../../src/testing/arbitraries/keyMaterial.js";

/** Size of the material pool of a run. */
export const materialPoolSize = 3;

/** A pool of distinct 32-byte materials, from the kit's own arbitrary. */
export const materialPool = fc.uniqueArray(keyMaterial(), {
  minLength: materialPoolSize,
  maxLength: materialPoolSize,
  selector: (bytes) => Buffer.from(bytes).toString("hex"),
});
