import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";

const root = join(import.meta.dirname, "../..");

let bundled: Promise<string> | undefined;

/**
 * The `kms-byok` command (src/cli/main.ts) bundled into one file, once per process: it starts
 * in about 0.3 s where `node --import tsx` takes 2–3 s, which matters to a test that starts
 * the server hundreds of times. The database drivers stay outside the bundle, loaded from the
 * repository's node_modules as the installed package loads them, so the file lives under it.
 */
export function bundledCli(): Promise<string> {
  bundled ??= (async () => {
    const dir = join(root, "node_modules/.cache/kms-byok-tests");
    mkdirSync(dir, { recursive: true });
    const outfile = join(dir, `kms-byok-${process.pid}.mjs`);
    await build({
      entryPoints: [join(root, "src/cli/main.ts")],
      outfile,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      external: ["better-sqlite3", "pg"],
      // Bundled CommonJS dependencies call require(): give the module one.
      banner: {
        js: 'import { createRequire } from "node:module"; const require = createRequire(import.meta.url);',
      },
      logLevel: "error",
    });
    return outfile;
  })();
  return bundled;
}
