import { execFile } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { type BuiltFile, moduleGraph } from "./support/moduleGraph.js";
import { packedFile, packedPackageRoot } from "./support/packedPackage.js";
import { sandboxWithoutFastCheck } from "./support/sandboxWithoutFastCheck.js";

interface Conditions {
  readonly types: string;
  readonly default: string;
}
const manifest: { exports: Record<string, { import: Conditions; require: Conditions }> } =
  JSON.parse(readFileSync(packedFile("package.json"), "utf8"));
const mainEntry = manifest.exports["."];
if (mainEntry === undefined) throw new Error('the packed package.json exports no "." entry');
const code = [mainEntry.import.default, mainEntry.require.default].flatMap(graphOf);
const declarations = [mainEntry.import.types, mainEntry.require.types].flatMap(graphOf);

describe('the "." entry of the packed package, for projects without fast-check', () => {
  it("names no fast-check module in dist/index.js, dist/index.cjs or the chunks they import", () => {
    expect(fastCheckSpecifiers(code)).toEqual([]);
  });

  it("bundles no fast-check code: no file it loads mentions fast-check or maps to its sources", () => {
    const mentions = code.filter((file) => file.text.includes("fast-check")).map(name);
    const mapped = code.filter((file) => mapsToFastCheck(`${file.path}.map`)).map(name);

    expect({ mentions, mapped }).toEqual({ mentions: [], mapped: [] });
  });

  it("names no fast-check types in dist/index.d.ts, dist/index.d.cts or the declarations they import", () => {
    expect(fastCheckSpecifiers(declarations)).toEqual([]);
  });

  describe("in a project where fast-check cannot be resolved", () => {
    const project = sandboxWithoutFastCheck();
    const copy = join(project, "node_modules/kms-byok");
    afterAll(() => rmSync(project, { recursive: true, force: true }));

    it("loads from an ES module and creates a key", async () => {
      expect(await probe(project, "loadMainEntry.mjs")).toEqual({
        entry: pathToFileURL(join(copy, "dist/index.js")).href,
        fastCheck: ["ERR_MODULE_NOT_FOUND"],
        keyState: "PendingImport",
      });
    });

    it("loads through require and creates a key", async () => {
      expect(await probe(project, "loadMainEntry.cjs")).toEqual({
        entry: join(copy, "dist/index.cjs"),
        fastCheck: ["MODULE_NOT_FOUND", "MODULE_NOT_FOUND"],
        keyState: "PendingImport",
      });
    });
  });
});

function graphOf(exported: string): readonly BuiltFile[] {
  return moduleGraph(packedFile(exported));
}

function name(file: BuiltFile): string {
  return relative(packedPackageRoot, file.path);
}

function fastCheckSpecifiers(files: readonly BuiltFile[]): readonly string[] {
  return files.flatMap((file) =>
    file.specifiers
      .filter((specifier) => specifier === "fast-check" || specifier.startsWith("fast-check/"))
      .map((specifier) => `${name(file)} names ${specifier}`),
  );
}

function mapsToFastCheck(sourceMap: string): boolean {
  const { sources }: { sources: readonly string[] } = JSON.parse(readFileSync(sourceMap, "utf8"));
  return sources.some((source) => source.includes("node_modules/fast-check/"));
}

/** Runs a probe with plain node in the project; resolves to what it printed, as JSON. */
async function probe(project: string, file: string): Promise<unknown> {
  const { NODE_PATH: _path, NODE_OPTIONS: _options, ...env } = process.env;
  const { stdout } = await promisify(execFile)(process.execPath, [file], { cwd: project, env });
  return JSON.parse(stdout);
}
