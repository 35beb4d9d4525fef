import { Buffer } from "node:buffer";
import { err, ok, type Result } from "neverthrow";
import { kmsError } from "../domain/kmsError.js";
import type { WireError } from "./wireError.js";
import type { WireOperation } from "./wireOperations.js";

/** Standard base64 with padding, as AWS JSON 1.1 sends blobs. */
const base64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Reads an AWS JSON 1.1 request body into the request a `Kms` method takes: blob members from
 * base64 to `Uint8Array`, timestamp members from epoch seconds (fractions allowed) to `Date`.
 * Every other member is passed on as it is, for the operation to validate. An empty body reads as
 * an empty request.
 *
 * Errors: `SerializationException` for a body that is not UTF-8 JSON of an object, a blob that
 * is not a base64 string, or a timestamp that is not a number of seconds.
 */
export function decodeRequestBody(
  body: Uint8Array,
  operation: WireOperation,
): Result<Record<string, unknown>, WireError> {
  if (body.byteLength === 0) return ok({});
  let parsed: unknown;
  try {
    parsed = JSON.parse(utf8.decode(body));
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message : "The body is not valid UTF-8.";
    return serializationError(`The request body is not valid JSON: ${reason}`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    return serializationError("The request body must be a JSON object of request members.");
  }
  // Parsed here, so this function's own: its members are replaced in place.
  const request = parsed as Record<string, unknown>;
  for (const member of operation.blobs) {
    const value = request[member];
    if (value === undefined || value === null) continue;
    if (typeof value !== "string" || !base64.test(value)) {
      return serializationError(`Member '${member}' must be a base64-encoded string.`);
    }
    request[member] = new Uint8Array(Buffer.from(value, "base64"));
  }
  for (const member of operation.timestamps) {
    const value = request[member];
    if (value === undefined || value === null) continue;
    // Rounded: `new Date` truncates, and t / 1000 * 1000 can fall just short of t (1079005038.146).
    const date = typeof value === "number" ? new Date(Math.round(value * 1000)) : undefined;
    if (date === undefined || Number.isNaN(date.getTime())) {
      return serializationError(`Member '${member}' must be a timestamp in epoch seconds.`);
    }
    request[member] = date;
  }
  return ok(request);
}

function serializationError(message: string): Result<never, WireError> {
  return err(kmsError("SerializationException", message));
}
