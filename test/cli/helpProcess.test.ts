import { describe, expect, it } from "vitest";
import { usageTexts } from "../../src/cli/usageTexts.js";
import { kmsByok } from "./kmsByok.js";

// help.test.ts runs the commands in process; this runs them as the installed command does.
describe("kms-byok help, as a process", () => {
  it("prints help from the installed command too: kms-byok help wrap and kms-byok serve --help exit 0", async () => {
    const [wrap, serve] = await Promise.all([kmsByok("help", "wrap"), kmsByok("serve", "--help")]);

    expect(wrap).toEqual({ code: 0, stdout: usageTexts.wrap, stderr: "" });
    expect(serve).toEqual({ code: 0, stdout: usageTexts.serve, stderr: "" });
  });
});
