import type { KmsOptions } from "../service/kmsOptions.js";
import type { KmsCredential } from "./authenticate.js";

/** Options of `createKmsServer`. */
export interface KmsServerOptions extends Omit<KmsOptions, "accountId" | "region"> {
  /** The Region the endpoint serves; requests must be signed for it. `us-east-1` when absent. */
  readonly region?: string;
  /**
   * The callers: each access key acts for its account and sees only that account's keys.
   * Without credentials the server runs in open local mode (loopback only, signatures not
   * checked, every caller acts for `accountId`).
   */
  readonly credentials?: readonly KmsCredential[];
  /** The account of every caller in open local mode; `111122223333` when absent. */
  readonly accountId?: string;
  /** The largest request body accepted; 262144 bytes (256 KiB) when absent. */
  readonly maxBodyBytes?: number;
  /** How long `close()` waits for requests in flight before cutting connections; 10000 ms when absent. */
  readonly closeTimeoutMs?: number;
  /**
   * Told about each internal failure after the caller got its answer: a throw inside an
   * operation (a bug or a broken port), or a `KMSInternalException` or
   * `DependencyTimeoutException` an operation returned (an unreadable stored record, a lost
   * database); written to stderr when absent.
   */
  readonly onInternalError?: (error: unknown, requestId: string) => void;
}
