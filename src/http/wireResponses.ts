import { encodeResponseBody } from "./encodeResponseBody.js";
import { statusOf, type WireError } from "./wireError.js";
import type { WireResponse } from "./wireRequest.js";

function headers(requestId: string): Record<string, string> {
  return { "content-type": "application/x-amz-json-1.1", "x-amzn-requestid": requestId };
}

/** HTTP 200 with an operation's response in AWS JSON 1.1. */
export function successResponse(response: object, requestId: string): WireResponse {
  return { status: 200, headers: headers(requestId), body: encodeResponseBody(response) };
}

/** An AWS error: `{"__type", "message"}` with the status of docs/decisions/0015-wire-status-codes.md. */
export function errorResponse(error: WireError, requestId: string): WireResponse {
  return {
    status: statusOf(error.name),
    headers: headers(requestId),
    body: JSON.stringify({ __type: error.name, message: error.message }),
  };
}
