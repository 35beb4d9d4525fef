// Matchers for neverthrow Results that show, on failure, what the Result held: the error's
// name and message for an Err, the value for an Ok. Registered for every test file in
// vitest.config.ts (setupFiles); `expect(r).toBeOk()` would show only "false".
import type { Result } from "neverthrow";
import { expect } from "vitest";

interface ResultMatchers<R = unknown> {
  /** The Result is an Ok (and, when `value` is given, its value equals it). */
  toBeOk(value?: unknown): R;
  /** The Result is an Err (and, when `name` is given, its error has that `name`). */
  toBeErr(name?: string): R;
}

declare module "vitest" {
  // biome-ignore lint/suspicious/noExplicitAny: a merged declaration repeats vitest's own `T = any`
  interface Matchers<T = any> extends ResultMatchers<T> {}
}

function isResult(value: unknown): value is Result<unknown, unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { isOk?: unknown }).isOk === "function" &&
    typeof (value as { isErr?: unknown }).isErr === "function"
  );
}

/** An Err's error as `Name: message` when it has them, else as the matcher prints values. */
function describeError(error: unknown, print: (value: unknown) => string): string {
  if (typeof error === "object" && error !== null && "name" in error && "message" in error)
    return `${String(error.name)}: ${String(error.message)}`;
  return print(error);
}

/** What a Result holds, for a failure message: `Ok(value)` or `Err(Name: message)`. */
function describeResult(result: Result<unknown, unknown>, print: (value: unknown) => string) {
  return result.isOk()
    ? `Ok(${print(result.value)})`
    : `Err(${describeError(result.error, print)})`;
}

expect.extend({
  toBeOk(received: unknown, ...expected: [value?: unknown]) {
    if (!isResult(received))
      return { pass: false, message: () => `expected a Result, received ${String(received)}` };
    const pass =
      received.isOk() && (expected.length === 0 || this.equals(received.value, expected[0]));
    const wanted = expected.length === 0 ? "Ok" : `Ok(${this.utils.printExpected(expected[0])})`;
    const held = describeResult(received, this.utils.printReceived);
    return {
      pass,
      message: () => `expected ${pass ? "not " : ""}${wanted}, received ${held}`,
    };
  },
  toBeErr(received: unknown, name?: string) {
    if (!isResult(received))
      return { pass: false, message: () => `expected a Result, received ${String(received)}` };
    const pass =
      received.isErr() &&
      (name === undefined || (received.error as { readonly name?: unknown }).name === name);
    const wanted = name === undefined ? "Err" : `Err(${name})`;
    const held = describeResult(received, this.utils.printReceived);
    return {
      pass,
      message: () => `expected ${pass ? "not " : ""}${wanted}, received ${held}`,
    };
  },
});
