import { SignatureV4 } from "@smithy/signature-v4";
import { Sha256 } from "../support/sha256.js";

/** A KMS request signed once, to be sent as it is. */
export interface SignedKmsRequest {
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** The access key the benchmark signs with. */
export const benchCredential = {
  accessKeyId: "AKIDBENCH",
  secretAccessKey: "bench-secret",
  accountId: "111122223333",
} as const;

/**
 * Signs `body` for `TrentService.<operation>` at `url` with `@smithy/signature-v4`, now, with the
 * headers the AWS SDK for JavaScript v3 sends and signs (`amz-sdk-invocation-id`,
 * `amz-sdk-request`, `x-amz-user-agent`) and an unsigned `user-agent`. The endpoint takes the
 * same signed request again and again while its date is within 15 minutes of the server's clock.
 */
export async function signedKmsRequest(
  url: string,
  operation: string,
  body: string,
): Promise<SignedKmsRequest> {
  const endpoint = new URL(url);
  const signer = new SignatureV4({
    credentials: benchCredential,
    region: "us-east-1",
    service: "kms",
    sha256: Sha256,
    applyChecksum: false,
  });
  const signed = await signer.sign(
    {
      method: "POST",
      protocol: endpoint.protocol,
      hostname: endpoint.hostname,
      port: Number(endpoint.port),
      path: "/",
      query: {},
      headers: {
        host: endpoint.host,
        "content-type": "application/x-amz-json-1.1",
        "x-amz-target": `TrentService.${operation}`,
        "amz-sdk-invocation-id": "3f0b5c7e-6a3d-4c1e-9b8f-2d4e6a8c0b1d",
        "amz-sdk-request": "attempt=1; max=3",
        "x-amz-user-agent": "aws-sdk-js/3.1164.0",
        "user-agent": "aws-sdk-js/3.1164.0 ua/2.1 os/linux lang/js md/nodejs#20",
      },
      body,
    },
    { signingDate: new Date() },
  );
  const headers = Object.fromEntries(
    Object.entries(signed.headers).map(([name, value]) => [name, String(value)]),
  );
  return { headers, body };
}
