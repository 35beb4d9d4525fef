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
  // Spread, then each nested member replaced in place, as plainCopy copies: the copy keeps the
  // response's hidden class, which JSON.stringify writes on its fast path (an object without a
  // prototype is a dictionary to V8, half as slow again), and a member named __proto__ stays a
  // member. JSON.stringify leaves out the members that are undefined.
  const members: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const name in members) {
    const member = members[name];
    if (typeof member === "object" && member !== null) members[name] = toWire(member);
  }
  return members;
}
