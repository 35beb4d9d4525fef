import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const src = join(import.meta.dirname, "../../src");

/** The src/ directories each layer may import from (docs/architecture.md, Layers). */
const allowed: Readonly<Record<string, readonly string[]>> = {
  domain: ["domain"],
  ports: ["ports", "domain"],
  adapters: ["adapters", "ports", "domain"],
  client: ["client", "domain"],
  service: ["service", "adapters", "ports", "domain"],
  http: ["http", "service", "adapters", "ports", "domain"],
  sql: ["sql", "adapters", "ports", "domain"],
  testing: ["testing", "service", "client", "adapters", "ports", "domain"],
  cli: ["cli", "http", "sql", "testing", "service", "client", "adapters", "ports", "domain"],
};

interface Import {
  readonly file: string;
  readonly layer: string;
  readonly specifier: string;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

const imports: Import[] = sources(src).flatMap((path) =>
  [...readFileSync(path, "utf8").matchAll(/\bfrom\s+"([^"]+)"/g)].map((match) => ({
    file: relative(src, path),
    layer: relative(src, path).split("/")[0] ?? "",
    specifier: match[1] ?? "",
  })),
);

function layerOf({ file, specifier }: Import): string {
  return relative(src, join(src, dirname(file), specifier)).split("/")[0] ?? "";
}

describe("the layers of src/", () => {
  it("has imports to check in every layer", () => {
    expect(new Set(imports.map(({ layer }) => layer))).toEqual(
      new Set([...Object.keys(allowed), "index.ts"]),
    );
  });

  it("point inward only: each layer imports from the layers docs/architecture.md allows", () => {
    const wrong = imports
      .filter(({ specifier, layer }) => specifier.startsWith(".") && layer !== "index.ts")
      .filter((found) => !(allowed[found.layer] ?? []).includes(layerOf(found)))
      .map(({ file, specifier }) => `${file} → ${specifier}`);

    expect(wrong).toEqual([]);
  });

  it("keep the SigV4 signer in src/http and the AWS SDK out of src/", () => {
    const wrong = imports
      .filter(
        ({ specifier, layer }) =>
          specifier.startsWith("@aws-sdk/") ||
          (specifier.startsWith("@smithy/") && layer !== "http"),
      )
      .map(({ file, specifier }) => `${file} → ${specifier}`);

    expect(wrong).toEqual([]);
  });
});
