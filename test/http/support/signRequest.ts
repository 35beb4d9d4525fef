import { SignatureV4 } from "@smithy/signature-v4";
// The server's own SHA-256: the end-to-end tests sign with the AWS SDK's, so a fault in it
// cannot hide behind both sides sharing it.
import { Sha256 } from "../../support/sha256.js";

/** What to sign: a KMS call to `url` at `date`, and what to sign it with. */
export interface SigningInput {
  /** The endpoint, e.g. `http://127.0.0.1:4599`; its host and port are the signed `host`. */
  readonly url: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly date: Date;
  /** The operation, e.g. `CreateKey`, sent as `X-Amz-Target: TrentService.CreateKey`. */
  readonly operation: string;
  readonly body: string;
  /** `us-east-1` when absent. */
  readonly region?: string;
  /** `kms` when absent. */
  readonly service?: string;
  /** Extra headers, signed unless named in `unsignedHeaders`. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Lowercase names of headers to leave out of the signature. */
  readonly unsignedHeaders?: readonly string[];
  /** Whether the signer adds a signed `x-amz-content-sha256` (the body's hash); false when absent. */
  readonly contentSha256?: boolean;
}

/**
 * Signs a KMS request with the AWS SDK's own SigV4 signer (`@smithy/signature-v4`) and returns
 * the headers to send: `host`, `content-type`, `x-amz-target`, `x-amz-date`, `authorization`
 * and any extra ones.
 */
export async function signRequest(input: SigningInput): Promise<Record<string, string>> {
  const endpoint = new URL(input.url);
  const signer = new SignatureV4({
    credentials: { accessKeyId: input.accessKeyId, secretAccessKey: input.secretAccessKey },
    region: input.region ?? "us-east-1",
    service: input.service ?? "kms",
    sha256: Sha256,
    applyChecksum: input.contentSha256 ?? false,
  });
  const signed = await signer.sign(
    {
      method: "POST",
      protocol: endpoint.protocol,
      hostname: endpoint.hostname,
      path: "/",
      query: {},
      headers: {
        host: endpoint.host,
        "content-type": "application/x-amz-json-1.1",
        "x-amz-target": `TrentService.${input.operation}`,
        ...input.headers,
      },
      body: Buffer.from(input.body),
    },
    { signingDate: input.date, unsignableHeaders: new Set(input.unsignedHeaders ?? []) },
  );
  return Object.fromEntries(
    Object.entries(signed.headers).map(([name, value]) => [name, String(value)]),
  );
}
