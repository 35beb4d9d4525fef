import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");
const testFiles = readdirSync(join(root, "test"), { recursive: true, encoding: "utf8" })
  .filter((name) => name.endsWith(".ts") && !name.includes("node_modules"))
  .map((name) => join("test", name));

describe("assertions on Results in the tests", () => {
  it("use toBeOk and toBeErr, which show the error, not isOk() or isErr() with toBe", () => {
    const offenders = testFiles.filter((file) =>
      /\.is(?:Ok|Err)\(\)\s*\)\s*\.toBe\(/.test(readFileSync(join(root, file), "utf8")),
    );
    expect(testFiles.length).toBeGreaterThan(100);
    expect(offenders).toEqual([]);
  });
});
