import { join } from "node:path";

/** Where installPackage.mjs extracts the packed kms-byok, as a consumer's node_modules holds it. */
export const packedPackageRoot = join(import.meta.dirname, "../node_modules/kms-byok");

/**
 * The absolute path of a file of the packed package, e.g. `packedFile("dist/index.cjs")`.
 *
 * @example
 * ```ts
 * expect(require.resolve("kms-byok")).toBe(packedFile("dist/index.cjs"));
 * ```
 */
export function packedFile(relativePath: string): string {
  return join(packedPackageRoot, relativePath);
}
