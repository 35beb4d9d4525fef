import { Buffer } from "node:buffer";

/**
 * Writes a response in AWS JSON 1.1: `Uint8Array`s as base64, `Date`s as epoch seconds (with
 * milliseconds as a fraction), absent members left out.
 */
export function encodeResponseBody(response: object): string {
  return JSON.stringify(toWire(response));
}

function toWire(value: unknown): unknown {
  if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  if (value instanceof Date) return value.getTime() / 1000;
  if (Array.isArray(value)) return value.map(toWire);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, member]) => member !== undefined)
        .map(([name, member]) => [name, toWire(member)]),
    );
  }
  return value;
}
