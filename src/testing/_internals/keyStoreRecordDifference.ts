import { Buffer } from "node:buffer";
import { show } from "./keyStoreViolation.js";

/**
 * The first place where `actual` differs from `expected`, as a sentence naming the path and
 * both values; `undefined` when they are equal. Dates must come back as Dates at the same
 * millisecond, bytes as `Uint8Array`s with the same bytes, and a property whose value is
 * `undefined` counts as absent.
 */
export function recordDifference(
  expected: unknown,
  actual: unknown,
  path = "record",
): string | undefined {
  if (expected instanceof Date) {
    if (!(actual instanceof Date))
      return `${path} should be the Date ${show(expected)} but is ${show(actual)}`;
    return expected.getTime() === actual.getTime() ? undefined : unequal(path, expected, actual);
  }
  if (expected instanceof Uint8Array) {
    if (!(actual instanceof Uint8Array))
      return `${path} should be a Uint8Array ${show(expected)} but is ${show(actual)}`;
    return sameBytes(expected, actual) ? undefined : unequal(path, expected, actual);
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length)
      return unequal(path, expected, actual);
    return firstOf(
      expected.map((item, i) => () => recordDifference(item, actual[i], `${path}[${i}]`)),
    );
  }
  if (typeof expected === "object" && expected !== null) {
    if (typeof actual !== "object" || actual === null || Array.isArray(actual))
      return unequal(path, expected, actual);
    const keys = new Set([...definedKeys(expected), ...definedKeys(actual)]);
    return firstOf(
      [...keys].map(
        (key) => () =>
          recordDifference(member(expected, key), member(actual, key), `${path}.${key}`),
      ),
    );
  }
  return Object.is(expected, actual) ? undefined : unequal(path, expected, actual);
}

function unequal(path: string, expected: unknown, actual: unknown): string {
  return `${path} should be ${show(expected)} but is ${show(actual)}`;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  // Views, not copies: records at their largest hold tens of megabytes of bytes to compare.
  const view = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  return a.length === b.length && view(a).equals(view(b));
}

function definedKeys(value: object): string[] {
  return Object.keys(value).filter((key) => member(value, key) !== undefined);
}

function member(value: object, key: string): unknown {
  return (value as Record<string, unknown>)[key];
}

function firstOf(differences: readonly (() => string | undefined)[]): string | undefined {
  for (const difference of differences) {
    const found = difference();
    if (found !== undefined) return found;
  }
  return undefined;
}
