import { nodeCrypto } from "../adapters/nodeCrypto.js";
import {
  createKmsServer,
  type KmsServer,
  type KmsServerAddress,
  type KmsServerListenError,
} from "../http/index.js";
import type { CliIo } from "./cliIo.js";
import { parseCommandArgs } from "./parseCommandArgs.js";
import { serveBanner } from "./serveBanner.js";
import { serveSettings } from "./serveSettings.js";
import { usageError } from "./usageError.js";
import { usageTexts } from "./usageTexts.js";

const options = {
  port: { type: "string" },
  host: { type: "string" },
  account: { type: "string" },
  region: { type: "string" },
  credentials: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/**
 * `kms-byok serve`: runs `createKmsServer` with a warm wrapping key pool until SIGINT or
 * SIGTERM, then stops taking connections, lets the requests in flight finish and returns 0.
 * Returns 2 for bad options or a bad credentials file, 1 when it cannot listen.
 */
export async function serveCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(args, options);
  if (parsed.isErr()) return usageError(io, "serve", parsed.error);
  if (parsed.value.help === true) {
    io.stdout(usageTexts.serve);
    return 0;
  }
  const settings = serveSettings(parsed.value);
  if (settings.isErr()) {
    io.stderr(`kms-byok serve: ${settings.error}\n`);
    return 2;
  }
  const { port, host, accountId, region, credentials, credentialsFile } = settings.value;

  const crypto = nodeCrypto();
  let server: KmsServer;
  try {
    server = createKmsServer({ region, accountId, credentials, crypto });
  } catch (error) {
    await crypto.close();
    if (!(error instanceof TypeError)) throw error;
    io.stderr(`kms-byok serve: ${error.message}\n`);
    return 2;
  }
  const address = await server.listen({ port, host });
  if (address.isErr()) {
    await crypto.close();
    io.stderr(`kms-byok serve: ${address.error.message}\n${listenHint(address.error, host)}`);
    return 1;
  }

  const signal = firstSignal();
  const interrupted = await Promise.race([
    crypto.prefill(["RSA_2048"]).then(() => undefined),
    signal,
  ]);
  if (interrupted === undefined) {
    io.stdout(
      serveBanner({
        ...clientAddress(address.value),
        region,
        accountId,
        credentials,
        credentialsFile,
      }),
    );
  }
  const received = await signal;
  const closing = server.close();
  io.stdout(
    `\nkms-byok serve: ${received} received; no new connections, finishing the requests in flight (Ctrl+C again stops at once)\n`,
  );
  await closing;
  await crypto.close();
  io.stdout("kms-byok serve: stopped\n");
  return 0;
}

/**
 * The first SIGINT or SIGTERM. Both handlers go after it, so a second signal ends the process
 * at once, as without handlers.
 */
function firstSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const signals = ["SIGINT", "SIGTERM"] as const;
    const onSignal = (signal: NodeJS.Signals) => {
      for (const name of signals) process.off(name, onSignal);
      resolve(signal);
    };
    for (const name of signals) process.on(name, onSignal);
  });
}

/** What to do about a listen error, in the terms of the command's options. */
function listenHint(error: KmsServerListenError, host: string): string {
  if (error.name === "OpenModeNeedsLoopback") {
    return `kms-byok serve: give --credentials FILE to bind ${host}, or bind loopback (--host 127.0.0.1)\n`;
  }
  if (error.code === "EADDRINUSE") {
    return "kms-byok serve: choose another --port (--port 0 picks a free one)\n";
  }
  return "";
}

const wildcardLoopback = new Map([
  ["0.0.0.0", "127.0.0.1"],
  ["::", "[::1]"],
]);

/** The URL to give clients: a wildcard address (0.0.0.0, ::) is reached through loopback. */
function clientAddress(address: KmsServerAddress): { url: string; boundTo: string | undefined } {
  const loopback = wildcardLoopback.get(address.host);
  if (loopback === undefined) return { url: address.url, boundTo: undefined };
  const bound = address.host.includes(":") ? `[${address.host}]` : address.host;
  return { url: `http://${loopback}:${address.port}`, boundTo: `${bound}:${address.port}` };
}
