// Installs the package as a consumer gets it: `npm pack` of the repository (after
// `npm run build`), extracted into test/consumer/node_modules/kms-byok. Everything else the
// consumer tests import (neverthrow, date-fns, fast-check, vitest) resolves by walking up to
// the repository's node_modules, one copy of each, as in a project that installed kms-byok.
// Plain Node, no dependencies: `node test/consumer/installPackage.mjs`.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { gunzipSync } from "node:zlib";

const root = resolve(import.meta.dirname, "../..");
const target = join(import.meta.dirname, "node_modules/kms-byok");

if (!existsSync(join(root, "dist/index.js"))) {
  throw new Error("dist/ is missing: run `npm run build` before installing the packed package.");
}
const packDir = mkdtempSync(join(tmpdir(), "kms-byok-pack-"));
try {
  const [packed] = JSON.parse(
    execFileSync("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", packDir], {
      cwd: root,
      encoding: "utf8",
    }),
  );
  rmSync(target, { recursive: true, force: true });
  const files = extractTarball(readFileSync(join(packDir, packed.filename)), target);
  console.log(`installed ${packed.id} (${files} files) into ${relative(root, target)}`);
} finally {
  rmSync(packDir, { recursive: true, force: true });
}

/** Writes the regular files of an npm tarball (`package/…`) under `into`; returns how many. */
function extractTarball(tgz, into) {
  const tar = gunzipSync(tgz);
  let count = 0;
  let paxPath;
  for (let offset = 0; offset + 512 <= tar.length; ) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const field = (start, length) =>
      header.toString("utf8", start, start + length).replace(/\0.*$/s, "");
    const size = Number.parseInt(field(124, 12).trim() || "0", 8);
    const type = field(156, 1) || "0";
    const body = tar.subarray(offset + 512, offset + 512 + size);
    offset += 512 + Math.ceil(size / 512) * 512;
    if (type === "x") {
      paxPath = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(body.toString("utf8"))?.[1];
      continue;
    }
    const prefix = field(345, 155);
    const name = paxPath ?? (prefix === "" ? field(0, 100) : `${prefix}/${field(0, 100)}`);
    paxPath = undefined;
    if (type !== "0") continue; // npm tarballs hold regular files only; directories are implied
    const file = resolve(into, name.replace(/^package\//, ""));
    if (!file.startsWith(`${into}/`)) throw new Error(`tarball entry escapes the package: ${name}`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, body);
    count += 1;
  }
  return count;
}
