import { Buffer } from "node:buffer";
import { createCipheriv, randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** A bare `node:http` server on a free loopback port. */
export interface BareServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Answers a parsed request body with the response object to send. */
export type BareAnswer = (request: Record<string, unknown>) => object;

/**
 * A bare `node:http` server that does what any JSON endpoint must: reads the body, `JSON.parse`s
 * it, and answers `JSON.stringify(answer(request))` with the headers kms-byok sends
 * (`content-type: application/x-amz-json-1.1` and a fresh `x-amzn-requestid`). No routing,
 * no authentication, no validation.
 */
export async function bareJsonServer(answer: BareAnswer): Promise<BareServer> {
  const server = createServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const parsed = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
      response
        .writeHead(200, {
          "content-type": "application/x-amz-json-1.1",
          "x-amzn-requestid": randomUUID(),
        })
        .end(JSON.stringify(answer(parsed)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => closeServer(server) };
}

/**
 * A bare DescribeKey: answers `template` (a real DescribeKey response) with the request's
 * `KeyId`, so the same JSON of the same size is built and written for every request.
 */
export function bareDescribeKey(template: { readonly KeyMetadata: object }): BareAnswer {
  return (request) => ({ KeyMetadata: { ...template.KeyMetadata, KeyId: request["KeyId"] } });
}

/**
 * A bare Encrypt: base64-decodes `Plaintext`, encrypts it with AES-256-GCM under one fixed key
 * and a fresh random 12-byte IV, and answers a `CiphertextBlob` as long as kms-byok's (a fixed
 * `headerBytes`-long header, the IV, the ciphertext, the tag), in base64, with `keyArn`.
 */
export function bareEncrypt(keyArn: string, headerBytes: number): BareAnswer {
  const key = randomBytes(32);
  const header = randomBytes(headerBytes);
  return (request) => {
    const plaintext = Buffer.from(String(request["Plaintext"]), "base64");
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", key, iv);
    const blob = Buffer.concat([
      header,
      iv,
      cipher.update(plaintext),
      cipher.final(),
      cipher.getAuthTag(),
    ]);
    return {
      CiphertextBlob: blob.toString("base64"),
      KeyId: keyArn,
      EncryptionAlgorithm: "SYMMETRIC_DEFAULT",
    };
  };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
