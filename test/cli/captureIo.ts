import type { CliIo } from "../../src/cli/cliIo.js";

/** A `CliIo` that keeps what a command writes. */
export function captureIo(): { readonly io: CliIo; stdout(): string; stderr(): string } {
  let stdout = "";
  let stderr = "";
  return {
    io: {
      stdout: (text) => {
        stdout += text;
      },
      stderr: (text) => {
        stderr += text;
      },
    },
    stdout: () => stdout,
    stderr: () => stderr,
  };
}
