import { err, ok, type Result } from "neverthrow";
import { type BehaviourProfile, isBehaviourProfile } from "../domain/behaviourProfile.js";
import type { KmsCredential } from "../http/index.js";
import { defaultAccountId, defaultRegion } from "../service/serviceDeps.js";
import { readCredentialsFile } from "./readCredentialsFile.js";
import { defaultRootKeyFile, type StoreChoice } from "./serveStore.js";
import { type WrappingKeyOptions, wrappingKeyOptions } from "./wrappingKeyOptions.js";

/** What `kms-byok serve` runs with, its options checked. */
export interface ServeSettings {
  readonly port: number;
  readonly host: string;
  /** The account of open local mode. */
  readonly accountId: string;
  readonly region: string;
  /** From `--behaviour`: `classic` by default. */
  readonly behaviour: BehaviourProfile;
  /** From `--credentials`; none in open local mode. */
  readonly credentials: readonly KmsCredential[];
  readonly credentialsFile: string | undefined;
  /** Where keys live: memory, `--data DIR` or `--database URL`. */
  readonly store: StoreChoice;
  /** From `--warm` and `--pool-size`: the pools filled before the server reports ready. */
  readonly wrappingKeys: WrappingKeyOptions;
}

/** The options of `kms-byok serve` as `parseArgs` gives them. */
export interface ServeOptionValues {
  readonly port?: string | undefined;
  readonly host?: string | undefined;
  readonly account?: string | undefined;
  readonly region?: string | undefined;
  readonly behaviour?: string | undefined;
  readonly credentials?: string | undefined;
  readonly data?: string | undefined;
  readonly database?: string | undefined;
  readonly "root-key-file"?: string | undefined;
  readonly warm?: string | undefined;
  readonly "pool-size"?: string | undefined;
}

/**
 * Checks the options of `kms-byok serve` and fills in the defaults: port 4599 (0 to 65535),
 * host 127.0.0.1, account 111122223333 (12 digits), Region us-east-1, behaviour classic, keys in
 * memory, RSA_2048 warmed with 3 pairs per spec, and reads the credentials file. The error says
 * which option is wrong and why.
 */
export function serveSettings(values: ServeOptionValues): Result<ServeSettings, string> {
  const { port = "4599", host = "127.0.0.1", region = defaultRegion } = values;
  const { behaviour = "classic" } = values;
  if (!/^\d{1,5}$/.test(port) || Number(port) > 65_535) {
    return err(`--port ${port}: must be a port number from 0 to 65535 (0 picks a free port)`);
  }
  if (host === "") return err("--host: must name an address to bind, such as 127.0.0.1");
  if (values.account !== undefined && values.credentials !== undefined) {
    return err(
      "--account sets the account of open local mode; with --credentials each credential names its own accountId",
    );
  }
  const accountId = values.account ?? defaultAccountId;
  if (!/^\d{12}$/.test(accountId)) {
    return err(`--account ${accountId}: must be a 12-digit AWS account ID`);
  }
  if (!isBehaviourProfile(behaviour)) {
    return err(
      `--behaviour ${behaviour}: must be classic (the import-key-material man page) or current (AWS KMS today)`,
    );
  }
  const wrappingKeys = wrappingKeyOptions(values);
  if (wrappingKeys.isErr()) return err(wrappingKeys.error);
  const store = storeChoice(values);
  if (store.isErr()) return err(store.error);
  const credentials =
    values.credentials === undefined ? ok([]) : readCredentialsFile(values.credentials);
  return credentials.map((credentials) => ({
    port: Number(port),
    host,
    accountId,
    region,
    behaviour,
    credentials,
    credentialsFile: values.credentials,
    store: store.value,
    wrappingKeys: wrappingKeys.value,
  }));
}

function storeChoice(values: ServeOptionValues): Result<StoreChoice, string> {
  const { data, database, "root-key-file": rootKeyFile } = values;
  if (data !== undefined && database !== undefined)
    return err("--data keeps keys in a SQLite file, --database in PostgreSQL: give one of them");
  if (data === "") return err("--data: must name a directory, such as ./kms-data");
  if (data !== undefined)
    return ok({
      kind: "sqlite",
      dataDir: data,
      rootKeyFile: rootKeyFile ?? defaultRootKeyFile(data),
    });
  if (database !== undefined) {
    if (rootKeyFile === undefined)
      return err(
        "--database needs --root-key-file FILE: every server of one database must use the same root key (the file is created on first start)",
      );
    return ok({ kind: "postgres", url: database, rootKeyFile });
  }
  if (rootKeyFile !== undefined)
    return err(
      "--root-key-file goes with --data or --database; keys in memory need no root key file",
    );
  return ok({ kind: "memory" });
}
