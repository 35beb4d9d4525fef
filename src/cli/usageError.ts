import type { CliIo } from "./cliIo.js";
import { type CommandName, usageTexts } from "./usageTexts.js";

/** Tells on stderr what is wrong with a command line, then the command's usage; exit code 2. */
export function usageError(io: CliIo, command: CommandName, message: string): number {
  io.stderr(`kms-byok ${command}: ${message}\n\n${usageTexts[command]}`);
  return 2;
}
