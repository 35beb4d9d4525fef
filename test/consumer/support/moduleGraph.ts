import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** One file of a built entry: its path, its text and every module specifier it names. */
export interface BuiltFile {
  readonly path: string;
  readonly text: string;
  readonly specifiers: readonly string[];
}

const specifierPatterns = [
  /\bfrom\s*["']([^"']+)["']/g, // import … from "x", export … from "x"
  /\bimport\s*\(?\s*["']([^"']+)["']/g, // import "x", import("x") in code and in declarations
  /\brequire\s*\(\s*["']([^"']+)["']\s*\)/g, // require("x")
  /<reference\s+(?:types|path)\s*=\s*["']([^"']+)["']/g, // /// <reference types="x" />
];

/**
 * The files a built entry (a `.js`, `.cjs` or declaration file of dist/) loads: the entry and,
 * transitively, every relative specifier it names — so shared chunks are included. A
 * declaration file's `./x.js` or `./x.cjs` is read as `./x.d.ts` or `./x.d.cts`.
 *
 * @example
 * ```ts
 * const files = moduleGraph(packedFile("dist/index.js"));
 * ```
 */
export function moduleGraph(entry: string): readonly BuiltFile[] {
  const files = new Map<string, BuiltFile>();
  const pending = [entry];
  for (let path = pending.pop(); path !== undefined; path = pending.pop()) {
    if (files.has(path)) continue;
    const text = readFileSync(path, "utf8");
    const specifiers = specifierPatterns.flatMap((pattern) =>
      [...text.matchAll(pattern)].map((match) => match[1] ?? ""),
    );
    files.set(path, { path, text, specifiers });
    for (const specifier of specifiers.filter((name) => name.startsWith("."))) {
      pending.push(localFile(path, specifier));
    }
  }
  return [...files.values()];
}

function localFile(from: string, specifier: string): string {
  const path = join(dirname(from), specifier);
  if (!/\.d\.[cm]?ts$/.test(from)) return path;
  return path.replace(/\.(c|m)?js$/, (_, format: string | undefined) => `.d.${format ?? ""}ts`);
}
