import { KMS, KMSClient } from "@aws-sdk/client-kms";
import { createKmsServer, type KmsServer, type KmsServerOptions } from "../../src/http/index.js";

/** A running endpoint on a free loopback port. */
export interface KmsEndpoint {
  readonly server: KmsServer;
  readonly url: string;
  close(): Promise<void>;
}

/** Starts `createKmsServer(options)` on 127.0.0.1 with a free port. */
export async function startKmsEndpoint(options: KmsServerOptions = {}): Promise<KmsEndpoint> {
  const server = createKmsServer(options);
  const address = await server.listen({ port: 0 });
  if (address.isErr()) throw new Error(address.error.message);
  return { server, url: address.value.url, close: () => server.close() };
}

/** Credentials any open-mode endpoint accepts. */
export const localCredentials = { accessKeyId: "local", secretAccessKey: "local" } as const;

/** An AWS SDK client for `url`, in us-east-1, that never retries. */
export function sdkClient(
  url: string,
  credentials: {
    readonly accessKeyId: string;
    readonly secretAccessKey: string;
  } = localCredentials,
): KMSClient {
  return new KMSClient({ endpoint: url, region: "us-east-1", credentials, maxAttempts: 1 });
}

/** The aggregated AWS SDK client (`kms.encrypt(…)`) for `url`, in us-east-1, that never retries. */
export function sdkKms(url: string): KMS {
  return new KMS({
    endpoint: url,
    region: "us-east-1",
    credentials: localCredentials,
    maxAttempts: 1,
  });
}
