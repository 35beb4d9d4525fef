import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { blocksOf, documentationFiles, runnableLanguages } from "../docs/codeBlocks.js";

const root = join(import.meta.dirname, "../..");

/** Where each section's code blocks run: `file` and `heading` → the test that runs them. */
const runBy: Readonly<Record<string, string>> = {
  "README.md ## Set up": "test/consumer/docExamples.test.ts",
  "README.md ## Quick start": "test/docs/quickStart.test.ts",
  "docs/endpoint.md ## Use it with the AWS CLI": "test/docs/awsCliExample.test.ts",
  "docs/endpoint.md ## Use it from the AWS SDK": "test/docs/sdkExample.test.ts",
  "docs/storage.md ## Keep keys across restarts": "test/docs/keepKeysExample.test.ts",
  "docs/storage.md ## Share keys between hosts": "test/docs/shareKeysExample.test.ts",
  // Copied into the consumer suite, which runs and type-checks them against the packed package.
  "docs/library.md # The library": "test/consumer/writeDocExamples.ts",
  "docs/testing-kit.md # The test kit: kms-byok in your property tests":
    "test/consumer/writeDocExamples.ts",
};

const blocks = documentationFiles()
  .flatMap(blocksOf)
  .filter((block) => runnableLanguages.includes(block.language));

describe("the code blocks of the README and docs/", () => {
  it("are there to check", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(10);
  });

  it("each run in a test that reads them from their file and section", () => {
    const unrun = blocks
      .map(({ file, heading }) => `${file} ${heading}`)
      .filter((section) => {
        const test = runBy[section];
        if (test === undefined) return true;
        const [file = "", heading = ""] = section.split(/ (?=#)/);
        const source = readFileSync(join(root, test), "utf8");
        return !source.includes(`"${file}"`) || !source.includes(`"${heading}"`);
      });
    expect(unrun).toEqual([]);
  });

  it("are shell or TypeScript: another language would have no test to run it", () => {
    const languages = documentationFiles()
      .flatMap(blocksOf)
      .map((block) => block.language)
      .filter((language) => !runnableLanguages.includes(language));
    // Pictures and printed output: the state diagram, the layer diagram, a counterexample.
    expect(new Set(languages)).toEqual(new Set(["mermaid", ""]));
  });
});
