import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { packedFile, packedPackageRoot } from "./packedPackage.js";

const repositoryModules = join(import.meta.dirname, "../../../node_modules");

/**
 * Makes a project directory, outside the repository, whose node_modules holds a copy of the
 * packed kms-byok and its `dependencies` (linked from the repository) — and nothing else, so
 * no fast-check — plus the probes of ./withoutFastCheck. Returns its real path; the caller
 * removes it.
 *
 * @example
 * ```ts
 * const project = sandboxWithoutFastCheck();
 * ```
 */
export function sandboxWithoutFastCheck(): string {
  const project = realpathSync(mkdtempSync(join(tmpdir(), "kms-byok-without-fast-check-")));
  const modules = join(project, "node_modules");
  mkdirSync(modules);
  cpSync(packedPackageRoot, join(modules, "kms-byok"), { recursive: true });
  const manifest: { dependencies?: Record<string, string> } = JSON.parse(
    readFileSync(packedFile("package.json"), "utf8"),
  );
  for (const name of Object.keys(manifest.dependencies ?? {})) {
    mkdirSync(join(modules, name, ".."), { recursive: true });
    symlinkSync(join(repositoryModules, name), join(modules, name), "dir");
  }
  cpSync(join(import.meta.dirname, "withoutFastCheck"), project, { recursive: true });
  return project;
}
