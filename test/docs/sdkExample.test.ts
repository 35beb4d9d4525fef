import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { codeBlocks } from "./codeBlocks.js";

const root = join(import.meta.dirname, "../..");
describe("docs/endpoint.md: Use it from the AWS SDK", () => {
  it("imports key material through @aws-sdk/client-kms and a local endpoint when run as written", async () => {
    const source = (codeBlocks("docs/endpoint.md", "## Use it from the AWS SDK", "ts")[0] ?? "")
      .replaceAll('from "kms-byok"', `from ${JSON.stringify(join(root, "src/index.ts"))}`)
      .replaceAll(
        'from "kms-byok/http"',
        `from ${JSON.stringify(join(root, "src/http/index.ts"))}`,
      );
    // Inside the repository, so that @aws-sdk/client-kms resolves from its node_modules.
    const cache = join(root, "node_modules/.cache");
    mkdirSync(cache, { recursive: true });
    const directory = mkdtempSync(join(cache, "kms-byok-readme-"));
    writeFileSync(join(directory, "sdkExample.mts"), source);

    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", join(directory, "sdkExample.mts")],
      { cwd: root },
    ).finally(() => rmSync(directory, { recursive: true, force: true }));

    expect(stderr).toBe("");
    expect(stdout).toBe("Enabled\n");
  });
});
