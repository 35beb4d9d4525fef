import { err, ok, type Result } from "neverthrow";
import type { KmsCredential } from "../http/index.js";
import { defaultAccountId, defaultRegion } from "../service/serviceDeps.js";
import { readCredentialsFile } from "./readCredentialsFile.js";

/** What `kms-byok serve` runs with, its options checked. */
export interface ServeSettings {
  readonly port: number;
  readonly host: string;
  /** The account of open local mode. */
  readonly accountId: string;
  readonly region: string;
  /** From `--credentials`; none in open local mode. */
  readonly credentials: readonly KmsCredential[];
  readonly credentialsFile: string | undefined;
}

/** The options of `kms-byok serve` as `parseArgs` gives them. */
export interface ServeOptionValues {
  readonly port?: string | undefined;
  readonly host?: string | undefined;
  readonly account?: string | undefined;
  readonly region?: string | undefined;
  readonly credentials?: string | undefined;
}

/**
 * Checks the options of `kms-byok serve` and fills in the defaults: port 4599 (0 to 65535),
 * host 127.0.0.1, account 111122223333 (12 digits), Region us-east-1, and reads the
 * credentials file. The error says which option is wrong and why.
 */
export function serveSettings(values: ServeOptionValues): Result<ServeSettings, string> {
  const { port = "4599", host = "127.0.0.1", region = defaultRegion } = values;
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
  const credentials =
    values.credentials === undefined ? ok([]) : readCredentialsFile(values.credentials);
  return credentials.map((credentials) => ({
    port: Number(port),
    host,
    accountId,
    region,
    credentials,
    credentialsFile: values.credentials,
  }));
}
