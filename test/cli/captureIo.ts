import type { CliIo } from "../../src/cli/cliIo.js";
import { runCli } from "../../src/cli/runCli.js";
import type { CliRun } from "./kmsByok.js";

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

/**
 * Runs a command of the CLI (by default `kms-byok` itself) in this process: for the runs that end
 * by themselves. A server that starts is spawned instead, so that a signal can stop it.
 */
export async function runInProcess(
  args: readonly string[],
  command: (args: readonly string[], io: CliIo) => Promise<number> = runCli,
): Promise<CliRun> {
  const { io, stdout, stderr } = captureIo();
  const code = await command(args, io);
  return { code, stdout: stdout(), stderr: stderr() };
}
