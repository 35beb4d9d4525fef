import type { CliIo } from "./cliIo.js";
import { copyCommand } from "./copyCommand.js";
import { demoCommand } from "./demoCommand.js";
import { eventsCommand } from "./eventsCommand.js";
import { serveCommand } from "./serveCommand.js";
import { isCommandName, usageTexts } from "./usageTexts.js";
import { wrapCommand } from "./wrapCommand.js";

/**
 * Runs `kms-byok` with `args` (the words after the program name) and returns the exit code:
 * 0 done, 1 failed, 2 bad command line or bad input.
 */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = args;
  switch (command) {
    case undefined:
      io.stderr(usageTexts["kms-byok"]);
      return 2;
    case "--help":
    case "-h":
      io.stdout(usageTexts["kms-byok"]);
      return 0;
    case "help":
      return helpCommand(rest, io);
    case "serve":
      return serveCommand(rest, io);
    case "wrap":
      return wrapCommand(rest, io);
    case "events":
      return eventsCommand(rest, io);
    case "copy":
      return copyCommand(rest, io);
    case "demo":
      return demoCommand(rest, io);
    default:
      io.stderr(`kms-byok: unknown command '${command}'\n\n${usageTexts["kms-byok"]}`);
      return 2;
  }
}

/** `kms-byok help [command]`: the usage of kms-byok or of one command, on stdout. */
function helpCommand(args: readonly string[], io: CliIo): number {
  const [topic, ...extra] = args;
  if (topic === undefined || topic === "--help" || topic === "-h") {
    io.stdout(topic === undefined ? usageTexts["kms-byok"] : usageTexts.help);
    return 0;
  }
  if (!isCommandName(topic)) {
    io.stderr(`kms-byok help: unknown command '${topic}'\n\n${usageTexts["kms-byok"]}`);
    return 2;
  }
  if (extra.length > 0) {
    io.stderr(`kms-byok help: unexpected argument '${extra[0]}'\n\n${usageTexts.help}`);
    return 2;
  }
  io.stdout(usageTexts[topic]);
  return 0;
}
