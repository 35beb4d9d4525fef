import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { errAsync, okAsync, ResultAsync } from "neverthrow";
import { memoryKeyStore } from "../adapters/memoryKeyStore.js";
import { type NodeCrypto, nodeCrypto } from "../adapters/nodeCrypto.js";
import { systemClock } from "../adapters/systemClock.js";
import { createKms } from "../service/createKms.js";
import type { Kms } from "../service/kms.js";
import { defaultAccountId, defaultRegion } from "../service/serviceDeps.js";
import {
  type Authenticate,
  type KmsCredential,
  openAuthentication,
  sigV4Authentication,
} from "./authenticate.js";
import { isLoopback } from "./isLoopback.js";
import { kmsRequestHandler } from "./kmsRequestHandler.js";
import type { KmsServerOptions } from "./kmsServerOptions.js";
import { readBody } from "./readBody.js";
import { protocolError } from "./wireError.js";
import { errorResponse } from "./wireResponses.js";

/** Where a server listens. */
export interface KmsServerAddress {
  readonly host: string;
  readonly port: number;
  /** The endpoint URL to give clients, e.g. `http://127.0.0.1:4599`. */
  readonly url: string;
}

/** Why a server could not start listening. */
export type KmsServerListenError =
  | { readonly name: "OpenModeNeedsLoopback"; readonly message: string }
  | { readonly name: "ListenFailed"; readonly code: string | undefined; readonly message: string };

/** A local KMS endpoint speaking AWS JSON 1.1, for the AWS CLI and SDKs. */
export interface KmsServer {
  /** `open`: no credentials configured, loopback only, signatures not checked. */
  readonly mode: "open" | "verified";
  readonly region: string;
  /**
   * Starts listening; `127.0.0.1:4599` when absent (port 0 picks a free port).
   *
   * Errors: `OpenModeNeedsLoopback` when an open-mode server is asked to bind anything but
   * loopback; `ListenFailed` with Node's code (`EADDRINUSE`, `EACCES`…).
   */
  listen(options?: {
    readonly port?: number;
    readonly host?: string;
  }): ResultAsync<KmsServerAddress, KmsServerListenError>;
  /**
   * Stops taking connections, lets requests in flight finish (cutting them after
   * `closeTimeoutMs`), and stops the crypto provider the server made itself.
   */
  close(): Promise<void>;
}

/**
 * Creates a KMS endpoint on `node:http` for the real AWS CLI and SDKs: `POST /` with
 * `X-Amz-Target: TrentService.<Operation>`, SigV4-signed, every operation of `Kms`.
 *
 * With `credentials`, each request's signature is recomputed with the AWS SDK's own signer and
 * the caller acts for its credential's account. Without, the server runs in open local mode and
 * binds loopback only. Throws `TypeError` for invalid options.
 *
 * @example
 * ```ts
 * const server = createKmsServer({ region: "us-east-1" });
 * const address = await server.listen({ port: 4599 });
 * if (address.isOk()) console.log(`aws --endpoint-url ${address.value.url} kms list-keys`);
 * // …
 * await server.close();
 * ```
 */
export function createKmsServer(options: KmsServerOptions = {}): KmsServer {
  const {
    region = defaultRegion,
    credentials = [],
    accountId = defaultAccountId,
    maxBodyBytes = 262_144,
    closeTimeoutMs = 10_000,
    onInternalError = (error, requestId) =>
      console.error(`kms-byok: request ${requestId} failed:`, error),
    ...kmsOptions
  } = options;
  const mode = credentials.length === 0 ? "open" : "verified";
  const crypto = kmsOptions.crypto ?? nodeCrypto();
  const ownCrypto = crypto === kmsOptions.crypto ? undefined : (crypto as NodeCrypto);
  const ports = {
    ...kmsOptions,
    store: kmsOptions.store ?? memoryKeyStore(),
    crypto,
    clock: kmsOptions.clock ?? systemClock(),
  };
  const accounts = new Map<string, Kms>();
  const kmsFor = (accountId: string): Kms => {
    let kms = accounts.get(accountId);
    if (kms === undefined) {
      kms = createKms({ ...ports, accountId, region });
      accounts.set(accountId, kms);
    }
    return kms;
  };
  const authenticate: Authenticate =
    mode === "open"
      ? openAuthentication(accountId, region)
      : sigV4Authentication(checkedCredentials(credentials), region, ports.clock);
  // Checks the account IDs and the Region now, not at the first request.
  if (mode === "open") kmsFor(accountId);
  for (const credential of credentials) kmsFor(credential.accountId);

  const handle = kmsRequestHandler({
    authenticate,
    kmsFor,
    requestId: randomUUID,
    onInternalError,
  });
  const server = createServer(
    { requestTimeout: 30_000, headersTimeout: 10_000 },
    (request: IncomingMessage, response: ServerResponse) => {
      response.on("error", () => {});
      void readBody(request, maxBodyBytes)
        .then(async (body) => {
          if (body === "aborted") return;
          const answer =
            body === "too large"
              ? errorResponse(
                  protocolError(
                    "RequestEntityTooLargeException",
                    `The request body is larger than ${maxBodyBytes} bytes.`,
                  ),
                  randomUUID(),
                )
              : await handle({
                  method: request.method ?? "",
                  url: request.url ?? "/",
                  headers: headersOf(request),
                  body,
                });
          // Once close() began, a kept-alive connection would hold it up until it idles out.
          const headers = server.listening
            ? answer.headers
            : { ...answer.headers, connection: "close" };
          response.writeHead(answer.status, headers).end(answer.body);
        })
        .catch((error: unknown) => {
          // Only a broken socket gets here; the handler itself never rejects.
          onInternalError(error, "(none)");
          response.destroy();
        });
    },
  );

  return {
    mode,
    region,
    listen: ({ port = 4599, host = "127.0.0.1" } = {}) => {
      if (mode === "open" && !isLoopback(host)) return errAsync(notLoopback(host));
      return ResultAsync.fromPromise(
        new Promise<AddressInfo>((resolve, reject) => {
          server.once("error", reject);
          server.listen(port, host, () => {
            server.off("error", reject);
            resolve(server.address() as AddressInfo);
          });
        }),
        (error): KmsServerListenError => {
          const code = (error as NodeJS.ErrnoException).code;
          return {
            name: "ListenFailed",
            code,
            message: `Cannot listen on ${host}:${port}: ${(error as Error).message}`,
          };
        },
      ).andThen((address) => {
        if (mode === "open" && !isLoopback(address.address)) {
          return ResultAsync.fromSafePromise(closeServer()).andThen(() =>
            errAsync(notLoopback(address.address)),
          );
        }
        const shown = address.family === "IPv6" ? `[${address.address}]` : address.address;
        return okAsync({
          host: address.address,
          port: address.port,
          url: `http://${shown}:${address.port}`,
        });
      });
    },
    close: async () => {
      await closeServer();
      await ownCrypto?.close();
    },
  };

  function closeServer(): Promise<void> {
    if (!server.listening) return Promise.resolve();
    return new Promise((resolve) => {
      const cut = setTimeout(() => server.closeAllConnections(), closeTimeoutMs);
      server.close(() => {
        clearTimeout(cut);
        resolve();
      });
      server.closeIdleConnections();
    });
  }
}

function checkedCredentials(credentials: readonly KmsCredential[]): readonly KmsCredential[] {
  const seen = new Set<string>();
  for (const { accessKeyId, secretAccessKey } of credentials) {
    if (accessKeyId === "" || secretAccessKey === "")
      throw new TypeError("Every credential needs an accessKeyId and a secretAccessKey.");
    if (seen.has(accessKeyId))
      throw new TypeError(`The access key ${accessKeyId} is configured twice.`);
    seen.add(accessKeyId);
  }
  return credentials;
}

function headersOf(request: IncomingMessage): Record<string, string | undefined> {
  // node:http joins every repeated header into one string but set-cookie, which it lists.
  const { headers } = request;
  if (headers["set-cookie"] === undefined) return headers as Record<string, string | undefined>;
  const joined: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers)) {
    joined[name] = Array.isArray(value) ? value.join(",") : value;
  }
  return joined;
}

function notLoopback(host: string): KmsServerListenError {
  return {
    name: "OpenModeNeedsLoopback",
    message: `Without credentials the endpoint checks no signatures, so it binds loopback only, not ${host}. Configure credentials to listen on other addresses.`,
  };
}
