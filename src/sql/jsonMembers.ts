import { err, ok, type Result } from "neverthrow";

// Typed reads of the members of a parsed JSON object: a missing or mistyped member reads as
// `undefined`. Plain functions, no per-object closures: records are decoded on every read.

/** A parsed JSON object. */
export type JsonObject = Readonly<Record<string, unknown>>;

/** `value` when it is a JSON object (not an array), else `undefined`. */
export function jsonObject(value: unknown): JsonObject | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as JsonObject)
    : undefined;
}

/** The JSON object `text` holds; a value that is not an object reads as an empty one. */
export function parseJsonObject(text: string): Result<JsonObject, string> {
  try {
    return ok(jsonObject(JSON.parse(text)) ?? {});
  } catch {
    return err("its JSON does not parse");
  }
}

export function stringMember(object: JsonObject, name: string): string | undefined {
  const value = object[name];
  return typeof value === "string" ? value : undefined;
}

export function numberMember(object: JsonObject, name: string): number | undefined {
  const value = object[name];
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/** A Date from an ISO-8601 string in the form `Date.prototype.toISOString` writes. */
export function dateMember(object: JsonObject, name: string): Date | undefined {
  const text = object[name];
  if (typeof text !== "string") return undefined;
  const date = new Date(text);
  return !Number.isNaN(date.getTime()) && date.toISOString() === text ? date : undefined;
}

const base64Pattern = /^[A-Za-z0-9+/]*={0,2}$/;

/** Bytes from base64 text (with padding, as `Buffer#toString("base64")` writes it). */
export function bytesMember(object: JsonObject, name: string): Uint8Array | undefined {
  const text = object[name];
  if (typeof text !== "string" || text.length % 4 !== 0 || !base64Pattern.test(text))
    return undefined;
  return new Uint8Array(Buffer.from(text, "base64"));
}
