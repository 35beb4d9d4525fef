import { Buffer } from "node:buffer";
import { createHash, createHmac, type Hash, type Hmac } from "node:crypto";
import { SignatureV4 } from "@smithy/signature-v4";

type SourceData = string | ArrayBuffer | ArrayBufferView;

function keyBytes(data: SourceData): string | Buffer {
  if (typeof data === "string") return data;
  return ArrayBuffer.isView(data)
    ? Buffer.from(data.buffer, data.byteOffset, data.byteLength)
    : Buffer.from(data);
}

/** SHA-256 and HMAC-SHA-256 for the signer, written here so the test does not share src's. */
class NodeSha256 {
  readonly #secret: SourceData | undefined;
  #hash: Hash | Hmac;

  constructor(secret?: SourceData) {
    this.#secret = secret;
    this.#hash = this.#fresh();
  }

  update(data: Uint8Array): void {
    this.#hash.update(data);
  }

  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.#hash.digest());
  }

  reset(): void {
    this.#hash = this.#fresh();
  }

  #fresh(): Hash | Hmac {
    return this.#secret === undefined
      ? createHash("sha256")
      : createHmac("sha256", keyBytes(this.#secret));
  }
}

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
    sha256: NodeSha256,
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
