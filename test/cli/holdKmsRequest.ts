import { once } from "node:events";
import { Agent, type IncomingMessage, request } from "node:http";
import { SignatureV4 } from "@smithy/signature-v4";
import { localCredentials } from "../support/kmsEndpoint.js";
import { Sha256 } from "../support/sha256.js";

/** A KMS request the server has begun (its headers read), whose body is not sent yet. */
export interface HeldKmsRequest {
  /** Sends the body and resolves with the response. */
  release(): Promise<{ readonly status: number; readonly body: string }>;
}

/**
 * Sends the signed headers of a KMS request with `Expect: 100-continue` and resolves once the
 * server answered `100 Continue`: from then on the request is in flight on the server.
 */
export async function holdKmsRequest(
  url: string,
  target: string,
  payload: unknown,
): Promise<HeldKmsRequest> {
  const { hostname, port } = new URL(url);
  const body = JSON.stringify(payload);
  const signer = new SignatureV4({
    service: "kms",
    region: "us-east-1",
    credentials: localCredentials,
    sha256: Sha256,
  });
  const signed = await signer.sign({
    method: "POST",
    protocol: "http:",
    hostname,
    port: Number(port),
    path: "/",
    query: {},
    headers: {
      host: `${hostname}:${port}`,
      "content-type": "application/x-amz-json-1.1",
      "x-amz-target": `TrentService.${target}`,
    },
    body,
  });
  const outgoing = request({
    host: hostname,
    port: Number(port),
    method: "POST",
    path: "/",
    // Kept alive, as the AWS SDKs and CLI keep their connections.
    agent: new Agent({ keepAlive: true }),
    headers: {
      ...signed.headers,
      "content-length": String(Buffer.byteLength(body)),
      expect: "100-continue",
    },
  });
  outgoing.flushHeaders();
  await once(outgoing, "continue");
  return {
    release: async () => {
      outgoing.end(body);
      const [response] = (await once(outgoing, "response")) as [IncomingMessage];
      let text = "";
      for await (const chunk of response.setEncoding("utf8")) text += chunk as string;
      return { status: response.statusCode ?? 0, body: text };
    },
  };
}
