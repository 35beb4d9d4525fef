import { createHash, createHmac } from "node:crypto";
import type { SigV4Authorization } from "./parseAuthorization.js";
import type { WireRequest } from "./wireRequest.js";

/**
 * The SigV4 signature (64 lowercase hex digits) of `request` under `signingKey`, computed as
 * `@smithy/signature-v4` (the AWS SDK's signer) computes it for a client: over the method, the
 * path and query, the headers `authorization` names (their values as received, a signed header
 * that was not sent as empty), and the payload hash: the signed `x-amz-content-sha256`, else
 * `bodyHash` (the body's SHA-256 in hex). The date and scope are `X-Amz-Date` and the
 * authorization's credential scope; the caller checks them first.
 */
export function sigV4Signature(
  request: WireRequest,
  authorization: SigV4Authorization,
  bodyHash: string,
  signingKey: Uint8Array,
): string {
  const amzDate = request.headers["x-amz-date"] ?? "";
  const { scopeDate, region, service } = authorization;
  const stringToSign = `AWS4-HMAC-SHA256\n${amzDate}\n${scopeDate}/${region}/${service}/aws4_request\n${createHash(
    "sha256",
  )
    .update(canonicalRequest(request, authorization.signedHeaders, amzDate, bodyHash))
    .digest("hex")}`;
  return createHmac("sha256", signingKey).update(stringToSign).digest("hex");
}

/** Headers the SDK's signer takes out of what it signs, then sets itself (`x-amz-date`). */
const generated = new Set(["authorization", "date", "x-amz-date"]);
const payloadHashHeader = "x-amz-content-sha256";

function canonicalRequest(
  request: WireRequest,
  signedHeaders: readonly string[],
  amzDate: string,
  bodyHash: string,
): string {
  const names = ["x-amz-date"];
  for (const name of signedHeaders) if (!generated.has(name)) names.push(name);
  names.sort();
  let headers = "";
  let list = "";
  let payloadHash = bodyHash;
  let previous: string | undefined;
  for (const name of names) {
    if (name === previous) continue;
    previous = name;
    const value = name === "x-amz-date" ? amzDate : (request.headers[name] ?? "");
    if (name === payloadHashHeader) payloadHash = value;
    headers += `${name}:${canonicalValue(value)}\n`;
    list += list === "" ? name : `;${name}`;
  }
  const { path, query } = canonicalTarget(request.url);
  return `${request.method}\n${path}\n${query}\n${headers}\n${list}\n${payloadHash}`;
}

const untrimmed = /[\r\n\t]| {2}|^ | $/;

/** A header value as the signer writes it: line breaks and runs of blanks as one space, one blank trimmed at each end. */
function canonicalValue(value: string): string {
  if (!untrimmed.test(value)) return value;
  return value
    .replace(/[\r\n]/g, " ")
    .replace(/[ \t]+/g, " ")
    .replace(/^ | $/g, "");
}

/** The canonical path and query of a request target. */
function canonicalTarget(target: string): { path: string; query: string } {
  if (target === "/") return { path: "/", query: "" };
  const url = new URL(target, "http://endpoint.invalid");
  return { path: canonicalPath(url.pathname), query: canonicalQuery(url.searchParams) };
}

/** Dot segments and empty segments resolved, each segment URI-escaped twice. */
function canonicalPath(path: string): string {
  const segments: string[] = [];
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") segments.pop();
    else segments.push(segment);
  }
  const leading = path.startsWith("/") ? "/" : "";
  const trailing = segments.length > 0 && path.endsWith("/") ? "/" : "";
  return escapeUri(`${leading}${segments.join("/")}${trailing}`).replace(/%2F/g, "/");
}

/** `name=value` pairs URI-escaped and sorted, without `X-Amz-Signature`. */
function canonicalQuery(parameters: URLSearchParams): string {
  const pairs = new Map<string, string[]>();
  for (const [name, value] of parameters) {
    if (name.toLowerCase() === "x-amz-signature") continue;
    const key = escapeUri(name);
    const pair = `${key}=${escapeUri(value)}`;
    const those = pairs.get(key);
    if (those === undefined) pairs.set(key, [pair]);
    else those.push(pair);
  }
  return [...pairs.keys()]
    .sort()
    .map((key) => (pairs.get(key) ?? []).sort().join("&"))
    .join("&");
}

function escapeUri(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
