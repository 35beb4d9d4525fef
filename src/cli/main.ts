#!/usr/bin/env node
import { processIo } from "./cliIo.js";
import { runCli } from "./runCli.js";

// A reader that stops early (`kms-byok demo | head`) is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(0);
});

process.exitCode = await runCli(process.argv.slice(2), processIo);
