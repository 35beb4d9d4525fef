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
  // A plain object, which JSON.stringify writes on its fast path; an object without a prototype
  // is a dictionary to V8, and writing one takes about half as long again.
  const members: Record<string, unknown> = {};
  for (const name of Object.keys(value)) {
    const member = (value as Record<string, unknown>)[name];
    if (member === undefined) continue;
    // Assigned, a member named __proto__ would set the prototype instead.
    if (name === "__proto__") Object.defineProperty(members, name, ownMember(toWire(member)));
    else members[name] = toWire(member);
  }
  return members;
}

function ownMember(value: unknown): PropertyDescriptor {
  return { value, enumerable: true, writable: true, configurable: true };
}
