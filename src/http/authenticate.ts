import { Buffer } from "node:buffer";
import { createHash, timingSafeEqual } from "node:crypto";
import { err, ok, type Result } from "neverthrow";
import type { Clock } from "../ports/clock.js";
import { parseAuthorization, type SigV4Authorization } from "./parseAuthorization.js";
import { checkClockSkew, signingDate } from "./signingDate.js";
import { signingKeyCache } from "./signingKeyCache.js";
import { sigV4Signature } from "./sigV4Signature.js";
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
export type Authenticate = (request: WireRequest) => Result<string, WireError>;

const service = "kms";
/**
 * Signing keys kept per credential: a request is dated within 15 minutes of the server's
 * clock, so at most two dates are live at once (around midnight UTC), in one Region and service.
 */
const signingKeysPerCredential = 4;

/**
 * Open local mode: any well-formed SigV4 authorization for service `kms` in `region` acts for
 * `accountId`. Neither the signature nor the request's age is checked.
 */
export function openAuthentication(accountId: string, region: string): Authenticate {
  return (request) => {
    const signed = readSignedRequest(request, region);
    return signed.isErr() ? err(signed.error) : ok(accountId);
  };
}

/**
 * Verified mode: the access key must be one of `credentials`, the request must be signed
 * within 15 minutes of `clock.now()`, and its signature, recomputed as `@smithy/signature-v4`
 * (the AWS SDK's signer) computes it, must match in constant time. Each credential's signing
 * key is derived once per date, Region and service and then reused from a bounded cache.
 */
export function sigV4Authentication(
  credentials: readonly KmsCredential[],
  region: string,
  clock: Clock,
): Authenticate {
  const callers = new Map(credentials.map((credential) => [credential.accessKeyId, credential]));
  const signingKeys = signingKeyCache(Math.max(1, credentials.length * signingKeysPerCredential));
  return (request) => {
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
    const bodyHash = createHash("sha256").update(request.body).digest("hex");
    // A claimed payload hash, signed or not, must be the body's.
    const claimed = request.headers["x-amz-content-sha256"];
    const signingKey = signingKeys.signingKey(
      caller,
      authorization.scopeDate,
      authorization.region,
      authorization.service,
    );
    const expected = sigV4Signature(request, authorization, bodyHash, signingKey);
    return (claimed === undefined || claimed === bodyHash) &&
      sameSignature(expected, authorization.signature)
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
  const parsed = parseAuthorization(request.headers["authorization"]);
  if (parsed.isErr()) return err(parsed.error);
  const amzDate = request.headers["x-amz-date"];
  const dated = signingDate(amzDate);
  if (dated.isErr()) return err(dated.error);
  const authorization = parsed.value;
  if (authorization.service !== service) {
    return invalidSignature(`Credential should be scoped to correct service: '${service}'.`);
  }
  if (authorization.region !== region) {
    return invalidSignature(
      `Credential should be scoped to a valid region, not '${authorization.region}'. This endpoint serves '${region}'.`,
    );
  }
  const day = amzDate?.slice(0, 8);
  if (authorization.scopeDate !== day) {
    return invalidSignature(
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${authorization.scopeDate}' != '${day}', from '${amzDate}'.`,
    );
  }
  return ok({ authorization, signedAt: dated.value });
}

function sameSignature(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function invalidSignature(message: string): Result<never, WireError> {
  return err(protocolError("InvalidSignatureException", message));
}
