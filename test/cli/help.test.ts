import { describe, expect, it } from "vitest";
import { usageTexts } from "../../src/cli/usageTexts.js";
import { runInProcess } from "./captureIo.js";

const run = (...args: string[]) => runInProcess(args);

const options = {
  serve: [
    "--port",
    "--host",
    "--account",
    "--region",
    "--credentials",
    "--data",
    "--database",
    "--root-key-file",
    "--warm",
    "--pool-size",
    "ThrottlingException",
    "--help",
  ],
  wrap: [
    "--public-key",
    "--wrapping-algorithm",
    "--key-spec",
    "--key-material",
    "--save-key-material",
    "--out",
    "--help",
    "RSAES_OAEP_SHA_1",
    "RSAES_OAEP_SHA_256",
    "RSA_AES_KEY_WRAP_SHA_1",
    "RSA_AES_KEY_WRAP_SHA_256",
    "SYMMETRIC_DEFAULT",
    "HMAC_224",
    "HMAC_512",
    "RSA_4096",
    "ECC_NIST_P521",
    "ECC_SECG_P256K1",
  ],
  events: ["--data", "--database", "--key-id", "--json", "--help"],
  copy: [
    "--from-data",
    "--from-database",
    "--to-data",
    "--to-database",
    "--root-key-file",
    "--help",
  ],
  demo: ["--help"],
  help: ["serve, wrap, events, copy, demo, help"],
} as const;

describe("kms-byok --help", () => {
  it("lists serve, wrap, events, copy, demo and help", async () => {
    const { code, stdout } = await run("--help");

    expect(code).toBe(0);
    for (const command of ["serve", "wrap", "events", "copy", "demo", "help"]) {
      expect(stdout).toMatch(new RegExp(`^  ${command} {2,}\\S`, "m"));
    }
  });

  it.each(Object.entries(options))(
    "prints the usage of %s with its options for --help, -h and help <command>, and exits 0",
    async (command, mentioned) => {
      for (const args of [
        [command, "--help"],
        [command, "-h"],
        ["help", command],
      ]) {
        const result = await run(...args);

        expect(result).toEqual({
          code: 0,
          stdout: usageTexts[command as keyof typeof options],
          stderr: "",
        });
        expect(result.stdout).toMatch(new RegExp(`^Usage: kms-byok ${command}`));
        for (const option of mentioned) expect(result.stdout).toContain(option);
      }
    },
  );

  it("prints the usage even when other options come with --help, and starts nothing", async () => {
    expect(await run("serve", "--port", "1", "--help")).toMatchObject({ code: 0, stderr: "" });
    expect(await run("wrap", "--public-key", "missing.bin", "-h")).toMatchObject({
      code: 0,
      stderr: "",
    });
  });

  it("exits 2 for help about an unknown command", async () => {
    const { code, stdout, stderr } = await run("help", "frobnicate");

    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(
      /^kms-byok help: unknown command 'frobnicate'\n\nUsage: kms-byok <command>/,
    );
  });

  it("exits 2 with the usage of demo for an option demo does not have", async () => {
    const { code, stderr } = await run("demo", "--fast");

    expect(code).toBe(2);
    expect(stderr).toMatch(/^kms-byok demo: Unknown option '--fast'\n\nUsage: kms-byok demo/);
  });
});
