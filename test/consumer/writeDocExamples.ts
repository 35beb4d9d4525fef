// Copies the documentation's examples for package users into test/consumer/docs/, so that the
// consumer suite runs and type-checks them against the packed package as a reader would paste
// them. The copies are generated (git ignores them): edit the docs. `tsx writeDocExamples.ts`.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { codeBlocks } from "../docs/codeBlocks.js";

const [libraryImports = "", librarySql = ""] = codeBlocks("docs/library.md", "# The library", "ts");
const [testingKit = ""] = codeBlocks(
  "docs/testing-kit.md",
  "# The test kit: kms-byok in your property tests",
  "ts",
);
const examples: Record<string, readonly [source: string, code: string]> = {
  // A test file as written: the consumer suite runs it.
  "testingKit.test.ts": ["docs/testing-kit.md", testingKit],
  // Type-checked by `tsc -p test/consumer`: a name the package does not export is an error.
  "libraryImports.ts": ["docs/library.md", libraryImports],
  // A program: docExamples.test.ts runs it.
  "librarySql.ts": ["docs/library.md", librarySql],
};

const directory = join(import.meta.dirname, "docs");
rmSync(directory, { recursive: true, force: true });
mkdirSync(directory);
for (const [name, [source, code]] of Object.entries(examples)) {
  writeFileSync(
    join(directory, name),
    `// Generated from ${source} by writeDocExamples.ts.\n${code}\n`,
  );
}
console.log(`wrote ${Object.keys(examples).length} examples of the docs to test/consumer/docs/`);
