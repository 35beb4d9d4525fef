import { expect } from "vitest";
import { kmsErrorNames } from "../../../src/domain/kmsError.js";
import type { ProtocolErrorName, WireErrorName } from "../../../src/http/index.js";
import type { RawResponse } from "./httpSender.js";

/** The `__type`s only the endpoint answers, written out so that a new one shows up here. */
const protocolErrorNames: Readonly<Record<ProtocolErrorName, true>> = {
  UnknownOperationException: true,
  MissingAuthenticationTokenException: true,
  IncompleteSignatureException: true,
  InvalidSignatureException: true,
  UnrecognizedClientException: true,
  RequestEntityTooLargeException: true,
};
const errorNames: ReadonlySet<string> = new Set([
  ...kmsErrorNames,
  ...Object.keys(protocolErrorNames),
]);

/** The client errors: every name but `KMSInternalException`. */
export const clientErrorNames: readonly WireErrorName[] = (
  [...errorNames] as WireErrorName[]
).filter((name) => name !== "KMSInternalException");

/** The errors of a refused signature. */
export const authenticationErrorNames: readonly WireErrorName[] = [
  "MissingAuthenticationTokenException",
  "IncompleteSignatureException",
  "InvalidSignatureException",
  "UnrecognizedClientException",
];

/** An AWS JSON 1.1 error as the endpoint sends it. */
export interface AwsError {
  readonly __type: WireErrorName;
  readonly message: string;
}

/**
 * Whether `response` is a well-formed AWS client error: status 400 (413 for a body over the
 * limit), `Content-Type: application/x-amz-json-1.1`, an `x-amzn-requestid`, and a body
 * `{"__type": <a client error name>, "message": <string>}` and nothing else. For use inside
 * properties, where a `false` names the request that broke it.
 */
export function isAwsClientError(response: RawResponse): boolean {
  const error = parsedError(response.body);
  return (
    error !== undefined &&
    clientErrorNames.includes(error.__type) &&
    response.status === (error.__type === "RequestEntityTooLargeException" ? 413 : 400) &&
    response.headers["content-type"] === "application/x-amz-json-1.1" &&
    typeof response.headers["x-amzn-requestid"] === "string" &&
    response.headers["x-amzn-requestid"] !== ""
  );
}

/** Asserts that `response` is a well-formed AWS client error and returns it. */
export function expectAwsError(response: RawResponse): AwsError {
  expect(
    isAwsClientError(response),
    `not a well-formed AWS client error: ${response.status} ${JSON.stringify(response.headers)} ${response.body}`,
  ).toBe(true);
  return parsedError(response.body) as AwsError;
}

/** The `__type` of an error response, or `undefined` if it is no well-formed error. */
export function errorName(response: RawResponse): WireErrorName | undefined {
  return isAwsClientError(response) ? parsedError(response.body)?.__type : undefined;
}

function parsedError(body: string): AwsError | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return undefined;
  const keys = Object.keys(parsed).sort();
  const { __type, message } = parsed as Record<string, unknown>;
  return keys.join() === "__type,message" &&
    typeof __type === "string" &&
    errorNames.has(__type) &&
    typeof message === "string"
    ? { __type: __type as WireErrorName, message }
    : undefined;
}
