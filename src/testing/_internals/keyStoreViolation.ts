import { inspect } from "node:util";
import type { KeyStoreRule } from "../keyStoreCheckTypes.js";

/**
 * Shows a value as an adapter author needs to see it: every level, Dates as instants, bytes as
 * bytes, and a class name wherever a value is not what it should be.
 */
export function show(value: unknown): string {
  return inspect(value, {
    depth: Number.POSITIVE_INFINITY,
    breakLength: 100,
    maxArrayLength: 30,
    maxStringLength: 300,
  });
}

/**
 * The error a contract check rejects with: which rule broke, what the store did instead, and
 * the values involved, one per line.
 */
export function violation(
  rule: KeyStoreRule,
  broke: string,
  values: Readonly<Record<string, unknown>> = {},
): Error {
  const lines = Object.entries(values).map(
    ([label, value]) => `  ${label}: ${show(value).replaceAll("\n", "\n    ")}`,
  );
  const error = new Error([`KeyStore contract, rule "${rule}": ${broke}`, ...lines].join("\n"));
  error.name = "KeyStoreContractViolation";
  return error;
}
