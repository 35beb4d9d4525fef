import type { ModelKeyKind } from "../model/modelKeyKinds.js";
import type { CiphertextChoice } from "./importChoices.js";
import type { KmsSystem } from "./kmsSystem.js";
import { specPoolSize } from "./specMaterials.js";

/**
 * The material an import sends into a key of `kind` (absent: symmetric) and its position in the
 * run's pool for that kind. A symmetric key gets the pool's 32 bytes, or 16 or 33 of them
 * (docs/decisions/0002-material-is-exactly-32-bytes.md); an HMAC, RSA or ECC key gets its spec's
 * material, or material too short or of another size or curve
 * (docs/decisions/0031-hmac-and-asymmetric-import.md).
 */
export async function materialToImport(
  system: KmsSystem,
  kind: ModelKeyKind | undefined,
  choices: { readonly material: number; readonly ciphertext: CiphertextChoice },
): Promise<{ readonly material: number; readonly bytes: Uint8Array }> {
  const { ciphertext } = choices;
  if (kind === undefined) {
    const pooled = system.materials[choices.material];
    if (pooled === undefined) throw new RangeError(`The run has no material#${choices.material}.`);
    const bytes =
      ciphertext === "wrongSize"
        ? pooled.subarray(0, 16)
        : ciphertext === "tooLong"
          ? Uint8Array.from([...pooled, 0])
          : pooled;
    return { material: choices.material, bytes };
  }
  const set = await system.specMaterials.of(kind.spec);
  const material = choices.material % specPoolSize(kind.spec);
  const pooled = set.pool[material];
  if (pooled === undefined)
    throw new RangeError(`The run has no ${kind.spec} material#${material}.`);
  const bytes =
    ciphertext === "wrongSize"
      ? set.tooShort
      : ciphertext === "tooLong"
        ? set.mismatched
        : pooled.bytes;
  return { material, bytes };
}
