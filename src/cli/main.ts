#!/usr/bin/env node
import { runDemo } from "./runDemo.js";

const usage = `Usage: kms-byok <command>

Commands:
  demo      Walk the import-key-material workflow in process, on a simulated clock,
            and print a transcript (create, import, expiry, refusal, restore).
  help      Show this help.
`;

async function main(args: readonly string[]): Promise<number> {
  const [command, ...rest] = args;
  if (command === undefined) {
    process.stderr.write(usage);
    return 2;
  }
  if (command === "help" || command === "--help" || command === "-h") {
    process.stdout.write(usage);
    return 0;
  }
  if (command === "demo") {
    if (rest.includes("--help") || rest.includes("-h")) {
      process.stdout.write(
        "Usage: kms-byok demo\n\nRuns the import-key-material workflow in process and prints a transcript.\n",
      );
      return 0;
    }
    const result = await runDemo((line) => process.stdout.write(`${line}\n`));
    if (result.isErr()) process.stderr.write(`kms-byok demo: ${result.error}\n`);
    return result.isOk() ? 0 : 1;
  }
  process.stderr.write(`kms-byok: unknown command '${command}'\n\n${usage}`);
  return 2;
}

// A reader that stops early (`kms-byok demo | head`) is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(0);
});

process.exitCode = await main(process.argv.slice(2));
