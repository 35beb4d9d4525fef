import type { KeyArn } from "../../domain/keyArn.js";
import type { Outcome } from "./keyStoreCalls.js";
import { type KeyStoreCheckGroup, keyStoreCheck } from "./keyStoreCheck.js";
import { violation } from "./keyStoreViolation.js";
import { homeScope, sampleKeyRecord } from "./sampleKeyRecord.js";

const rule = "errors are values";

/** Requires an `err` to carry a string `name`, as `KmsError` and `WriteConflict` do. */
function expectNamedError({ call, result }: Outcome<unknown, unknown>): void {
  if (result.isOk()) return;
  const error: unknown = result.error;
  const name =
    typeof error === "object" && error !== null ? (error as { name?: unknown }).name : undefined;
  if (typeof name !== "string")
    throw violation(
      rule,
      `${call} returned err(…) without a string name: errors must be KmsError or WriteConflict values.`,
      { error },
    );
}

/**
 * Checks that expected failures come back as `err` values. Every call in every check goes
 * through the same test (a `ResultAsync` that neither throws nor rejects); this check makes the
 * store answer the expected failures of each method.
 */
export const errorsAsValuesChecks: KeyStoreCheckGroup = (makeStore) => [
  keyStoreCheck(
    rule,
    "get, put and list answer expected failures with err values, never by throwing or rejecting",
    makeStore,
    async (store) => {
      const record = sampleKeyRecord(1);
      const outcomes = [
        await store.get(record.arn),
        await store.put(record, 7),
        await store.list(homeScope, { limit: 10, marker: "not a marker!" }),
        await store.put(record, 0),
        await store.put(sampleKeyRecord(1, { description: "conflicting" }), 0),
        await store.put(record, 99),
        await store.get("not an ARN" as KeyArn),
        await store.get("" as KeyArn),
        await store.list(homeScope, { limit: 1, marker: "not a marker!" }),
        await store.list({ accountId: "not an account", region: "nowhere" }, { limit: 10 }),
      ];
      for (const outcome of outcomes) expectNamedError(outcome);
    },
  ),
];
