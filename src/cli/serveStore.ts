import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { err, ok, type Result } from "neverthrow";
import { memoryKeyStore } from "../adapters/memoryKeyStore.js";
import { type NodeCrypto, type NodeCryptoOptions, nodeCrypto } from "../adapters/nodeCrypto.js";
import type { KeyStore } from "../ports/keyStore.js";
import { checkRootKey } from "../sql/checkRootKey.js";
import { openPostgresKeyStore } from "../sql/openPostgresKeyStore.js";
import { openSqliteKeyStore } from "../sql/openSqliteKeyStore.js";
import type { SqlKeyStore } from "../sql/sqlKeyStore.js";
import { fileErrorMessage } from "./fileErrorMessage.js";
import { rootKeyFile } from "./rootKeyFile.js";

/** Where `kms-byok serve` keeps keys: memory, a SQLite file in a data directory, or PostgreSQL. */
export type StoreChoice =
  | { readonly kind: "memory" }
  | { readonly kind: "sqlite"; readonly dataDir: string; readonly rootKeyFile: string }
  | { readonly kind: "postgres"; readonly url: string; readonly rootKeyFile: string };

/** The store and crypto provider a server runs with, and what to say about where keys live. */
export interface ServeStore {
  readonly store: KeyStore;
  readonly crypto: NodeCrypto;
  /** A line for the banner, such as "Keys are kept in SQLite at data/kms.sqlite". */
  readonly keptIn: string;
  close(): Promise<void>;
}

/** The SQLite file of a data directory. */
export function sqlitePathIn(dataDir: string): string {
  return join(dataDir, "kms.sqlite");
}

/** The root key file of a data directory, where `--root-key-file` does not say otherwise. */
export function defaultRootKeyFile(dataDir: string): string {
  return join(dataDir, "root.key");
}

/** A store that keeps keys, opened with its root key. */
export type DurableChoice = Exclude<StoreChoice, { kind: "memory" }>;

/** An opened durable store and the crypto provider over its root key. */
export interface DurableStore {
  readonly store: SqlKeyStore;
  readonly crypto: NodeCrypto;
  close(): Promise<void>;
}

/**
 * Opens the store `choice` names with its root key, and checks that the root key opens the keys
 * already stored, before any request is served. `pool` configures the crypto provider's
 * wrapping key pool (its defaults when absent).
 *
 * Errors: a sentence naming the problem (data directory, root key file, database, root key).
 */
export async function openServeStore(
  choice: StoreChoice,
  pool: Omit<NodeCryptoOptions, "rootKey"> = {},
): Promise<Result<ServeStore, string>> {
  if (choice.kind === "memory") {
    const crypto = nodeCrypto(pool);
    return ok({
      store: memoryKeyStore(),
      crypto,
      keptIn: "Keys are kept in memory only: they are gone when the server stops.",
      close: () => crypto.close(),
    });
  }
  const opened = await openDurableStore(choice, pool);
  return opened.map(({ store, crypto, close }) => ({
    store,
    crypto,
    keptIn: `Keys are kept in ${store.engine} at ${store.location}, sealed under the root key in ${choice.rootKeyFile}.`,
    close,
  }));
}

/**
 * Opens a SQLite (in a data directory it creates) or PostgreSQL store with the root key in
 * `choice.rootKeyFile` (created when missing), and checks that the root key opens it. `pool`
 * configures the crypto provider's wrapping key pool (its defaults when absent).
 *
 * Errors: a sentence naming the problem.
 */
export async function openDurableStore(
  choice: DurableChoice,
  pool: Omit<NodeCryptoOptions, "rootKey"> = {},
): Promise<Result<DurableStore, string>> {
  if (choice.kind === "sqlite") {
    try {
      mkdirSync(choice.dataDir, { recursive: true, mode: 0o700 });
    } catch (error) {
      return err(`data directory ${choice.dataDir}: ${fileErrorMessage(error)}`);
    }
  }
  const rootKey = rootKeyFile(choice.rootKeyFile);
  if (rootKey.isErr()) return err(rootKey.error);
  const opened =
    choice.kind === "sqlite"
      ? await openSqliteKeyStore({ path: sqlitePathIn(choice.dataDir) })
      : await openPostgresKeyStore({ url: choice.url });
  if (opened.isErr()) return err(`cannot open the key store: ${opened.error.message}`);
  const store = opened.value;
  const crypto = nodeCrypto({ ...pool, rootKey: rootKey.value.rootKey });
  const close = async () => {
    await Promise.all([store.close(), crypto.close()]);
  };
  const checked = await checkRootKey(store, crypto);
  if (checked.isErr()) {
    await close();
    return err(
      checked.error.name === "RootKeyMismatch"
        ? `${checked.error.message} (root key file ${choice.rootKeyFile})`
        : `cannot open the key store: ${checked.error.message}`,
    );
  }
  return ok({ store, crypto, close });
}
