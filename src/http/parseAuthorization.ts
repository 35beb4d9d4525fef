import { err, ok, type Result } from "neverthrow";
import { protocolError, type WireError } from "./wireError.js";

/** What an `Authorization: AWS4-HMAC-SHA256 …` header says, checked for form only. */
export interface SigV4Authorization {
  readonly accessKeyId: string;
  /** The credential scope's date, `YYYYMMDD`. */
  readonly scopeDate: string;
  readonly region: string;
  readonly service: string;
  /** Lowercase header names, as listed in `SignedHeaders`. */
  readonly signedHeaders: readonly string[];
  /** 64 lowercase hex digits. */
  readonly signature: string;
}

const algorithm = "AWS4-HMAC-SHA256";
const credentialForm = /^([^/\s]+)\/(\d{8})\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request$/;
const signedHeadersForm = /^[a-z0-9!#$%&'*+.^_`|~-]+(?:;[a-z0-9!#$%&'*+.^_`|~-]+)*$/;
const signatureForm = /^[0-9a-f]{64}$/;
/** Headers whose signature keeps a captured request from being sent elsewhere, later or as another operation. */
const mustBeSigned = ["host", "x-amz-date", "x-amz-target"] as const;

/**
 * Reads a SigV4 `Authorization` header. It checks the form, not the signature.
 *
 * Errors: `MissingAuthenticationTokenException` when there is no header;
 * `IncompleteSignatureException` when it is not a well-formed AWS4-HMAC-SHA256 authorization
 * or leaves `host`, `x-amz-date` or `x-amz-target` unsigned.
 */
export function parseAuthorization(
  header: string | undefined,
): Result<SigV4Authorization, WireError> {
  if (header === undefined || header.trim() === "") {
    return err(
      protocolError("MissingAuthenticationTokenException", "Missing Authentication Token"),
    );
  }
  const trimmed = header.trim();
  const space = trimmed.search(/\s/);
  const scheme = space < 0 ? trimmed : trimmed.slice(0, space);
  if (scheme !== algorithm) {
    return incomplete(`Unsupported authorization type '${scheme}'; only ${algorithm} is accepted.`);
  }
  // The parameters with all whitespace taken out, each `name=value`; the last of a name counts.
  const parameters = space < 0 ? "" : trimmed.slice(space).replace(/\s+/g, "");
  let credentialParameter = "";
  let signedHeaders = "";
  let signature = "";
  for (let start = 0; start <= parameters.length; ) {
    const comma = parameters.indexOf(",", start);
    const end = comma < 0 ? parameters.length : comma;
    const at = parameters.indexOf("=", start);
    if (at > start && at < end) {
      const name = parameters.slice(start, at);
      const value = parameters.slice(at + 1, end);
      if (name === "Credential") credentialParameter = value;
      else if (name === "SignedHeaders") signedHeaders = value;
      else if (name === "Signature") signature = value;
    }
    start = end + 1;
  }
  const credential = credentialForm.exec(credentialParameter);
  if (
    credential === null ||
    !signedHeadersForm.test(signedHeaders) ||
    !signatureForm.test(signature)
  ) {
    return incomplete(
      `The Authorization header must be '${algorithm} Credential=<access key>/<YYYYMMDD>/<region>/kms/aws4_request, SignedHeaders=<names>, Signature=<64 hex digits>'.`,
    );
  }
  const headers = signedHeaders.split(";");
  const unsigned = mustBeSigned.find((name) => !headers.includes(name));
  if (unsigned !== undefined) {
    return incomplete(`'${unsigned}' must be a 'SignedHeader' in the AWS Authorization.`);
  }
  const [, accessKeyId, scopeDate, region, service] = credential as unknown as [
    string,
    string,
    string,
    string,
    string,
  ];
  return ok({ accessKeyId, scopeDate, region, service, signedHeaders: headers, signature });
}

function incomplete(message: string): Result<never, WireError> {
  return err(protocolError("IncompleteSignatureException", message));
}
