import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");
const sources = ["src", "test"].flatMap((dir) =>
  readdirSync(join(root, dir), { recursive: true, encoding: "utf8" })
    .filter((name) => /\.(ts|mjs)$/.test(name) && !name.includes("node_modules"))
    .map((name) => ({ file: `${dir}/${name}`, text: readFileSync(join(root, dir, name), "utf8") })),
);

describe("citations of the design decisions in the source", () => {
  const cited = sources.flatMap(({ file, text }) =>
    [...text.matchAll(/docs\/decisions\/[\w-]+\.md/g)].map(([path]) => ({ file, path })),
  );

  it("are there, by path", () => {
    expect(cited.length).toBeGreaterThan(100);
  });

  it("name records that exist", () => {
    expect(cited.filter(({ path }) => !existsSync(join(root, path)))).toEqual([]);
  });

  it("never use the old numbers (a D and a digit), which no file of the repository explains", () => {
    const old = sources.filter(({ text }) => /\bD(?:[1-9]|1[0-5])\b/.test(text));
    expect(old.map(({ file }) => file)).toEqual([]);
  });
});
