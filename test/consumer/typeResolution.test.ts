import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { packedFile } from "./support/packedPackage.js";

const repository = join(import.meta.dirname, "../..");

describe("the consumer's type check (tsc -p test/consumer/tsconfig.json, module NodeNext)", () => {
  it("takes kms-byok's types from the packed package's .d.ts for import and .d.cts for require", async () => {
    const tsc = join(repository, "node_modules/typescript/bin/tsc");
    const { stdout } = await promisify(execFile)(process.execPath, [
      tsc,
      "--listFilesOnly",
      "-p",
      join(import.meta.dirname, "tsconfig.json"),
    ]);
    const files = stdout.split("\n");

    expect(files).toEqual(
      expect.arrayContaining(
        [
          "index.d.ts",
          "index.d.cts",
          "testing/index.d.ts",
          "testing/index.d.cts",
          "http/index.d.ts",
          "http/index.d.cts",
        ].map((file) => packedFile(`dist/${file}`)),
      ),
    );
    const repositoryBuild = [join(repository, "src/"), join(repository, "dist/")];
    expect(files.filter((file) => repositoryBuild.some((dir) => file.startsWith(dir)))).toEqual([]);
  });
});
