import { realpathSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import * as kmsByok from "kms-byok";
import * as testing from "kms-byok/testing";
import { describe, expect, it } from "vitest";
import { consumerLaws } from "./laws/consumerLaws.js";
import { packedFile } from "./support/packedPackage.js";

describe("kms-byok imported as an ES module by another project", () => {
  it("resolves kms-byok and kms-byok/testing to dist/index.js and dist/testing/index.js of the packed package", () => {
    expect(import.meta.resolve("kms-byok")).toBe(pathToFileURL(packedFile("dist/index.js")).href);
    expect(import.meta.resolve("kms-byok/testing")).toBe(
      pathToFileURL(packedFile("dist/testing/index.js")).href,
    );
  });

  it("runs the very modules of those files", async () => {
    const entry = await import(pathToFileURL(packedFile("dist/index.js")).href);
    const kit = await import(pathToFileURL(packedFile("dist/testing/index.js")).href);

    expect(kmsByok.createKms).toBe(entry.createKms);
    expect(testing.manualClock).toBe(kit.manualClock);
  });

  it("uses the ES module build of the project's one fast-check", () => {
    const repositoryModules = join(import.meta.dirname, "../../node_modules");

    expect(import.meta.resolve("fast-check")).toBe(
      pathToFileURL(realpathSync(join(repositoryModules, "fast-check/lib/fast-check.js"))).href,
    );
  });

  for (const law of consumerLaws) {
    it(law.name, () => law.check({ kmsByok, testing, fc }));
  }
});
