import { describe, expect, it } from "vitest";
import { runDemo } from "../../src/cli/runDemo.js";

import { kmsByok as cli } from "./kmsByok.js";

describe("runDemo", () => {
  it("walks the seed workflow from PendingImport through expiry to a restored key", async () => {
    const lines: string[] = [];
    const result = await runDemo((line) => lines.push(line));
    const transcript = lines.join("\n");

    expect(result).toBeOk();
    const order = [
      "CreateKey --origin EXTERNAL",
      "KeyState               PendingImport",
      "GetParametersForImport --wrapping-algorithm RSAES_OAEP_SHA_256",
      "ImportKeyMaterial --expiration-model KEY_MATERIAL_EXPIRES --valid-to 2026-01-31T09:00:00.000Z",
      "KeyState               Enabled (Enabled: true)",
      "Refused                InvalidImportTokenException",
      "KeyState               PendingImport: KMS deleted the expired key material",
      "Refused                IncorrectKeyMaterialException",
      "KeyState               Enabled (Enabled: true): the key is restored",
      "2026-01-31T09:00:00.000Z  DeleteExpiredKeyMaterial",
    ];
    const positions = order.map((text) => transcript.indexOf(text));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });
});

describe("kms-byok command", () => {
  it("prints usage and exits 0 for --help", async () => {
    const { code, stdout } = await cli("--help");
    expect(code).toBe(0);
    expect(stdout).toContain("Usage: kms-byok <command>");
  });

  it("exits 2 with usage on stderr for an unknown command", async () => {
    const { code, stderr } = await cli("frobnicate");
    expect(code).toBe(2);
    expect(stderr).toContain("unknown command 'frobnicate'");
  });

  it("exits 2 with usage on stderr when no command is given", async () => {
    const { code, stderr } = await cli();
    expect(code).toBe(2);
    expect(stderr).toContain("Usage: kms-byok <command>");
  });
});
