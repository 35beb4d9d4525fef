import { systemClock } from "../adapters/systemClock.js";
import type { BehaviourProfile } from "../domain/behaviourProfile.js";
import {
  createKmsServer,
  type KmsServer,
  type KmsServerAddress,
  type KmsServerListenError,
} from "../http/index.js";
import type { KeyStore } from "../ports/keyStore.js";
import type { CliIo } from "./cliIo.js";
import { parseCommandArgs } from "./parseCommandArgs.js";
import { prefillWrappingKeys } from "./prefillWrappingKeys.js";
import { serveBanner } from "./serveBanner.js";
import { serveSettings } from "./serveSettings.js";
import { openServeStore, type ServeStore } from "./serveStore.js";
import { usageError } from "./usageError.js";
import { usageTexts } from "./usageTexts.js";
import { serveCryptoOptions } from "./wrappingKeyOptions.js";

const options = {
  port: { type: "string" },
  host: { type: "string" },
  account: { type: "string" },
  region: { type: "string" },
  behaviour: { type: "string" },
  credentials: { type: "string" },
  data: { type: "string" },
  database: { type: "string" },
  "root-key-file": { type: "string" },
  warm: { type: "string" },
  "pool-size": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/** How often a server removes the keys whose deletion date has passed. */
const sweepIntervalMs = 60_000;

/**
 * `kms-byok serve`: runs `createKmsServer` with the wrapping key pools of `--warm` filled to
 * `--pool-size` (reported ready only then; a request finding a pool empty beyond the on-demand
 * limit gets `ThrottlingException`) until SIGINT or SIGTERM, then stops taking connections, lets
 * the requests in flight finish and returns 0.
 * Keys live in memory, in SQLite (`--data`) or in PostgreSQL (`--database`); the store is
 * opened and its root key checked before the server listens. Returns 2 for bad options, a bad
 * credentials or root key file, or a store that cannot be opened; 1 when it cannot listen.
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
  const { port, host, accountId, region, behaviour, credentials, credentialsFile } = settings.value;

  const pool = serveCryptoOptions(settings.value.wrappingKeys);
  const opened = await openServeStore(settings.value.store, pool);
  if (opened.isErr()) {
    io.stderr(`kms-byok serve: ${opened.error}\n`);
    return 2;
  }
  const { store, crypto, keptIn } = opened.value;
  const accounts = credentials.length === 0 ? [accountId] : credentials.map((c) => c.accountId);
  const disagreement = await behaviourDisagreement(store, accounts, region, behaviour);
  if (disagreement !== undefined) {
    await opened.value.close();
    io.stderr(`kms-byok serve: ${disagreement}\n`);
    return 2;
  }
  let server: KmsServer;
  try {
    server = createKmsServer({ region, accountId, behaviour, credentials, crypto, store });
  } catch (error) {
    await opened.value.close();
    if (!(error instanceof TypeError)) throw error;
    io.stderr(`kms-byok serve: ${error.message}\n`);
    return 2;
  }
  const address = await server.listen({ port, host });
  if (address.isErr()) {
    await opened.value.close();
    io.stderr(`kms-byok serve: ${address.error.message}\n${listenHint(address.error, host)}`);
    return 1;
  }
  const sweeper = await sweepDeletedKeys(opened.value, io);

  const signal = firstSignal();
  const prefilled = await Promise.race([
    prefillWrappingKeys(crypto, settings.value.wrappingKeys, io),
    signal.then(() => undefined),
  ]);
  if (prefilled !== undefined) {
    io.stdout(
      serveBanner({
        ...clientAddress(address.value),
        region,
        accountId,
        behaviour,
        credentials,
        credentialsFile,
        keptIn,
        wrappingKeys: prefilled,
        onDemandLimit: pool.maxOnDemandWrappingKeys,
      }),
    );
  }
  const received = await signal;
  const closing = server.close();
  io.stdout(
    `\nkms-byok serve: ${received} received; no new connections, finishing the requests in flight (Ctrl+C again stops at once)\n`,
  );
  clearInterval(sweeper);
  await closing;
  await opened.value.close();
  io.stdout("kms-byok serve: stopped\n");
  return 0;
}

/**
 * Claims `behaviour` for each account the server serves in `region` (docs/decisions/0029-behaviour-profiles.md),
 * and says why not when the store keeps one of them under the other profile or cannot answer.
 */
async function behaviourDisagreement(
  store: KeyStore,
  accounts: readonly string[],
  region: string,
  behaviour: BehaviourProfile,
): Promise<string | undefined> {
  for (const accountId of new Set(accounts)) {
    const stored = await store.claimBehaviour({ accountId, region }, behaviour);
    if (stored.isErr()) return `reading the behaviour profile failed: ${stored.error.message}`;
    if (stored.value !== behaviour)
      return `--behaviour ${behaviour}: the key store keeps account ${accountId} in ${region} under the ${stored.value} profile, chosen when it was first served; start with --behaviour ${stored.value}, or use another store`;
  }
  return undefined;
}

/**
 * Removes the keys whose deletion date has passed, once before it resolves and then every
 * {@link sweepIntervalMs}; a failure is told on stderr and the next sweep tries again.
 */
async function sweepDeletedKeys({ store }: ServeStore, io: CliIo): Promise<NodeJS.Timeout> {
  const clock = systemClock();
  const sweep = () =>
    store.removeDeletedKeys(clock.now()).mapErr((error) => {
      io.stderr(`kms-byok serve: removing deleted keys failed: ${error.name}: ${error.message}\n`);
    });
  await sweep();
  return setInterval(() => void sweep(), sweepIntervalMs).unref();
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
