import { Buffer } from "node:buffer";
import { createHash, timingSafeEqual } from "node:crypto";
import { SignatureV4 } from "@smithy/signature-v4";
import { err, ok, type Result } from "neverthrow";
import type { Clock } from "../ports/clock.js";
import { parseAuthorization, type SigV4Authorization } from "./parseAuthorization.js";
import { Sha256 } from "./sha256.js";
import { checkClockSkew, signingDate } from "./signingDate.js";
import { protocolError, type WireError } from "./wireError.js";
import type { WireRequest } from "./wireRequest.js";

/** A caller the endpoint knows: an access key, its secret, and the account whose keys it sees. */
export interface KmsCredential {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** 12 digits. */
  readonly accountId: string;
}

/** Decides which account a request acts for, or why it is refused. */
export type Authenticate = (request: WireRequest) => Promise<Result<string, WireError>>;

const service = "kms";

/**
 * Open local mode: any well-formed SigV4 authorization for service `kms` in `region` acts for
 * `accountId`. Neither the signature nor the request's age is checked.
 */
export function openAuthentication(accountId: string, region: string): Authenticate {
  return async (request) => readSignedRequest(request, region).map(() => accountId);
}

/**
 * Verified mode: the access key must be one of `credentials`, the request must be signed
 * within 15 minutes of `clock.now()`, and its signature, recomputed with `@smithy/signature-v4`
 * (the AWS SDK's own signer), must match in constant time.
 */
export function sigV4Authentication(
  credentials: readonly KmsCredential[],
  region: string,
  clock: Clock,
): Authenticate {
  const callers = new Map(
    credentials.map((credential) => [
      credential.accessKeyId,
      {
        accountId: credential.accountId,
        signer: new SignatureV4({
          credentials: {
            accessKeyId: credential.accessKeyId,
            secretAccessKey: credential.secretAccessKey,
          },
          region,
          service,
          sha256: Sha256,
          applyChecksum: false,
        }),
      },
    ]),
  );
  return async (request) => {
    const signed = readSignedRequest(request, region);
    if (signed.isErr()) return err(signed.error);
    const { authorization, signedAt } = signed.value;
    const caller = callers.get(authorization.accessKeyId);
    if (caller === undefined) {
      return err(
        protocolError(
          "UnrecognizedClientException",
          "The security token included in the request is invalid.",
        ),
      );
    }
    const fresh = checkClockSkew(signedAt, clock.now());
    if (fresh.isErr()) return err(fresh.error);
    const recomputed = await caller.signer.sign(signableRequest(request, authorization), {
      signingDate: signedAt,
      signableHeaders: new Set(authorization.signedHeaders),
    });
    const expected = signatureOf(String(recomputed.headers["authorization"]));
    return payloadHashMatches(request) && sameSignature(expected, authorization.signature)
      ? ok(caller.accountId)
      : err(
          protocolError(
            "InvalidSignatureException",
            "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
          ),
        );
  };
}

/** The checks both modes make: a well-formed authorization, scoped to `kms` in `region`, dated. */
function readSignedRequest(
  request: WireRequest,
  region: string,
): Result<{ authorization: SigV4Authorization; signedAt: Date }, WireError> {
  return parseAuthorization(request.headers["authorization"]).andThen((authorization) =>
    signingDate(request.headers["x-amz-date"]).andThen((signedAt) => {
      if (authorization.service !== service) {
        return invalidSignature(`Credential should be scoped to correct service: '${service}'.`);
      }
      if (authorization.region !== region) {
        return invalidSignature(
          `Credential should be scoped to a valid region, not '${authorization.region}'. This endpoint serves '${region}'.`,
        );
      }
      const day = request.headers["x-amz-date"]?.slice(0, 8);
      if (authorization.scopeDate !== day) {
        return invalidSignature(
          `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${authorization.scopeDate}' != '${day}', from '${request.headers["x-amz-date"]}'.`,
        );
      }
      return ok({ authorization, signedAt });
    }),
  );
}

/** The request as the signer takes it, with only the headers the client signed. */
function signableRequest(request: WireRequest, authorization: SigV4Authorization) {
  const url = new URL(request.url, "http://endpoint.invalid");
  const query: Record<string, string | string[]> = {};
  for (const name of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(name);
    query[name] = values.length === 1 ? (values[0] as string) : values;
  }
  const headers: Record<string, string> = {};
  for (const name of authorization.signedHeaders) headers[name] = request.headers[name] ?? "";
  return {
    method: request.method,
    protocol: "http:",
    hostname: request.headers["host"] ?? "",
    path: url.pathname,
    query,
    headers,
    body: request.body,
  };
}

/** A signed `X-Amz-Content-SHA256` is the payload hash the signer uses: it must be the body's. */
function payloadHashMatches(request: WireRequest): boolean {
  const claimed = request.headers["x-amz-content-sha256"];
  return (
    claimed === undefined || claimed === createHash("sha256").update(request.body).digest("hex")
  );
}

function signatureOf(authorization: string): string {
  return /Signature=([0-9a-f]{64})/.exec(authorization)?.[1] ?? "";
}

function sameSignature(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function invalidSignature(message: string): Result<never, WireError> {
  return err(protocolError("InvalidSignatureException", message));
}
