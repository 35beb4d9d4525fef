import { realpathSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { consumerLaws } from "./laws/consumerLaws.js";
import type { ConsumerKit } from "./support/consumerKit.js";
import { packedFile } from "./support/packedPackage.js";

// Node's own CommonJS loader, as in a project that `require`s kms-byok.
const require = createRequire(import.meta.url);
const kit: ConsumerKit = {
  kmsByok: require("kms-byok"),
  testing: require("kms-byok/testing"),
  fc: require("fast-check"),
};

describe("kms-byok required as CommonJS by another project", () => {
  it("resolves kms-byok and kms-byok/testing to dist/index.cjs and dist/testing/index.cjs of the packed package", () => {
    expect(require.resolve("kms-byok")).toBe(packedFile("dist/index.cjs"));
    expect(require.resolve("kms-byok/testing")).toBe(packedFile("dist/testing/index.cjs"));
  });

  it("runs the very modules of those files", () => {
    expect(require.cache[packedFile("dist/index.cjs")]?.exports).toBe(kit.kmsByok);
    expect(require.cache[packedFile("dist/testing/index.cjs")]?.exports).toBe(kit.testing);
  });

  it("uses the CommonJS build of the project's one fast-check", () => {
    const repositoryModules = join(import.meta.dirname, "../../node_modules");

    expect(require.resolve("fast-check")).toBe(
      realpathSync(join(repositoryModules, "fast-check/lib/cjs/fast-check.js")),
    );
  });

  for (const law of consumerLaws) {
    it(law.name, () => law.check(kit));
  }
});
