import type { CliIo } from "./cliIo.js";
import { parseCommandArgs } from "./parseCommandArgs.js";
import { runDemo } from "./runDemo.js";
import { usageError } from "./usageError.js";
import { usageTexts } from "./usageTexts.js";

/** `kms-byok demo`: prints the transcript of {@link runDemo}; 1 if a step misbehaved. */
export async function demoCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(args, { help: { type: "boolean", short: "h" } });
  if (parsed.isErr()) return usageError(io, "demo", parsed.error);
  if (parsed.value.help === true) {
    io.stdout(usageTexts.demo);
    return 0;
  }
  const result = await runDemo((line) => io.stdout(`${line}\n`));
  if (result.isErr()) io.stderr(`kms-byok demo: ${result.error}\n`);
  return result.isOk() ? 0 : 1;
}
