import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const domain = join(import.meta.dirname, "../../src/domain");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

const files = sources(domain).map((path) => ({
  name: relative(domain, path),
  text: readFileSync(path, "utf8"),
}));

function offenders(pattern: RegExp): string[] {
  return files.filter(({ text }) => pattern.test(text)).map(({ name }) => name);
}

describe("src/domain", () => {
  it("has source files to check", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it("imports only neverthrow, date-fns and other domain modules", () => {
    const imports = files.flatMap(({ name, text }) =>
      [...text.matchAll(/from\s+"([^"]+)"/g)].map((m) => ({ name, from: m[1] ?? "" })),
    );
    const foreign = imports.filter(({ name, from }) => {
      if (from === "neverthrow" || from === "date-fns") return false;
      if (!from.startsWith(".")) return true;
      return relative(domain, join(domain, name, "..", from)).startsWith("..");
    });
    expect(foreign).toEqual([]);
  });

  it("reads no clock: no Date.now() and no argument-less new Date()", () => {
    expect(offenders(/Date\.now\(\)|new Date\(\s*\)/)).toEqual([]);
  });

  it("uses no randomness and no host globals", () => {
    expect(offenders(/Math\.random|crypto\.|process\.|Buffer\b|setTimeout|setInterval/)).toEqual(
      [],
    );
  });
});
