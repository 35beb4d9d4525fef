import { Buffer } from "node:buffer";

/**
 * Writes a response in AWS JSON 1.1: `Uint8Array`s as base64, `Date`s as epoch seconds (with
 * milliseconds as a fraction), absent members left out.
 */
export function encodeResponseBody(response: object): string {
  return JSON.stringify(toWire(response));
}

function toWire(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (value instanceof Uint8Array) {
    // A view, not a copy: base64 of exactly the bytes the array covers.
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("base64");
  }
  if (value instanceof Date) return value.getTime() / 1000;
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    for (const item of value) items.push(toWire(item));
    return items;
  }
  // No prototype: a member named __proto__ stays a member.
  const members: Record<string, unknown> = Object.create(null);
  for (const name of Object.keys(value)) {
    const member = (value as Record<string, unknown>)[name];
    if (member !== undefined) members[name] = toWire(member);
  }
  return members;
}
