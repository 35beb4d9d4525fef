import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { codeBlocks } from "./codeBlocks.js";

const root = join(import.meta.dirname, "../..");
describe("README quick start", () => {
  it("imports key material into an EXTERNAL key and round-trips a message when run as written", async () => {
    const source = (codeBlocks("README.md", "## Quick start", "ts")[0] ?? "").replaceAll(
      'from "kms-byok"',
      `from ${JSON.stringify(join(root, "src/index.ts"))}`,
    );
    const file = join(mkdtempSync(join(tmpdir(), "kms-byok-readme-")), "quickStart.mts");
    writeFileSync(file, source);

    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", file],
      { cwd: root },
    );

    expect(stderr).toBe("");
    expect(stdout).toMatch(/^Enabled, key material [0-9a-f]{64}\nDecrypted: hello\n$/);
  });
});
