import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { KeyStore } from "../../src/ports/keyStore.js";
import { openPostgresKeyStore, openSqliteKeyStore, type SqlKeyStore } from "../../src/sql/index.js";
import { type FreshDatabase, freshDatabase } from "../support/postgres/freshDatabase.js";

/** Opens SQL key stores of one engine for tests, each on fresh storage, and cleans up after. */
export interface SqlStoreEngine {
  readonly name: "SQLite" | "PostgreSQL";
  /** A store on fresh, empty storage (a new file, a new database). */
  fresh(): Promise<SqlKeyStore>;
  /** Another store on the storage `store` uses, as a restarted process would open it. */
  openAgain(store: KeyStore): Promise<SqlKeyStore>;
  /**
   * Closes every store it opened so far (each PostgreSQL store holds a pool of up to 10
   * connections); their storage stays until {@link cleanUp}.
   */
  closeStores(): Promise<void>;
  /** Closes every store it opened and removes their storage. */
  cleanUp(): Promise<void>;
}

function tracking(name: SqlStoreEngine["name"], locationOf: Map<KeyStore, string>) {
  const opened: SqlKeyStore[] = [];
  const keep = (store: SqlKeyStore, location: string) => {
    opened.push(store);
    locationOf.set(store, location);
    return store;
  };
  const where = (store: KeyStore) => {
    const location = locationOf.get(store);
    if (location === undefined) throw new Error(`not a ${name} store this engine opened`);
    return location;
  };
  const closeAll = async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  };
  return { keep, where, closeAll };
}

/** SQLite stores, each in a new file of one temporary directory. */
export function sqliteEngine(): SqlStoreEngine {
  const dir = mkdtempSync(join(tmpdir(), "kms-byok-sqlite-"));
  const { keep, where, closeAll } = tracking("SQLite", new Map());
  let files = 0;
  const open = async (path: string) =>
    keep((await openSqliteKeyStore({ path }))._unsafeUnwrap(), path);
  return {
    name: "SQLite",
    fresh: () => open(join(dir, `store-${files++}.sqlite`)),
    openAgain: (store) => open(where(store)),
    closeStores: closeAll,
    cleanUp: async () => {
      await closeAll();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** PostgreSQL stores, each in a new database on the server of `serverUrl`. */
export function postgresEngine(serverUrl: string): SqlStoreEngine {
  const { keep, where, closeAll } = tracking("PostgreSQL", new Map());
  const databases: FreshDatabase[] = [];
  const open = async (url: string) =>
    keep((await openPostgresKeyStore({ url }))._unsafeUnwrap(), url);
  return {
    name: "PostgreSQL",
    fresh: async () => {
      const database = await freshDatabase(serverUrl);
      databases.push(database);
      return open(database.url);
    },
    openAgain: (store) => open(where(store)),
    closeStores: closeAll,
    cleanUp: async () => {
      await closeAll();
      await Promise.all(databases.splice(0).map((database) => database.drop()));
    },
  };
}
