import { Buffer } from "node:buffer";
import { Agent, type IncomingHttpHeaders, request } from "node:http";

/** A request as it goes on the wire, any part of it possibly wrong. */
export interface RawRequest {
  readonly method?: string;
  /** Path and query; `/` when absent. */
  readonly path?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
}

/** What came back, the body as text. */
export interface RawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** Sends raw requests to one endpoint over kept-alive connections. */
export interface HttpSender {
  send(raw: RawRequest): Promise<RawResponse>;
  /** Drops the kept-alive connections. */
  close(): void;
}

/**
 * Sends raw HTTP/1.1 requests to `url` with `node:http` over one kept-alive connection, so that
 * thousands of requests take seconds. Headers go as given; `node:http` adds `Host` (unless
 * given), `Connection`, and `Content-Length` for a body.
 */
export function httpSender(url: string): HttpSender {
  const endpoint = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  return {
    send: ({ method = "POST", path = "/", headers = {}, body }) =>
      new Promise((resolve, reject) => {
        const bytes = body === undefined ? undefined : Buffer.from(body);
        const outgoing = request(
          {
            agent,
            host: endpoint.hostname,
            port: endpoint.port,
            method,
            path,
            // node:http sends a GET's body without a length unless told.
            headers:
              bytes === undefined ? { ...headers } : { "content-length": bytes.length, ...headers },
          },
          (response) => {
            const chunks: Buffer[] = [];
            response.on("data", (chunk: Buffer) => chunks.push(chunk));
            response.on("error", reject);
            response.on("end", () =>
              resolve({
                status: response.statusCode ?? 0,
                headers: response.headers,
                body: Buffer.concat(chunks).toString("utf8"),
              }),
            );
          },
        );
        outgoing.on("error", reject);
        outgoing.end(bytes);
      }),
    close: () => agent.destroy(),
  };
}
