import { okAsync } from "neverthrow";
import type { KeyStore } from "../../src/ports/keyStore.js";
import type { Rows } from "./rows.js";

/** A bug of the `removeDeletedKeys` of `flawedKeyStore`. */
export type RemovalFlaw =
  | "removeDeletedKeys removes keys not yet due"
  | "removeDeletedKeys keeps keys due exactly now"
  | "removeDeletedKeys only looks at the first account and Region stored"
  | "removeDeletedKeys counts the keys it looked at"
  | "removeDeletedKeys returns a running total"
  | "removeDeletedKeys rewrites the keys it keeps"
  | "removeDeletedKeys only hides keys";

/** The `removeDeletedKeys` of a flawed key store over `rows`; `hidden` gets the keys it only hides. */
export function deletedKeyRemover(
  rows: Rows,
  hidden: Set<string>,
  has: (flaw: RemovalFlaw) => boolean,
): KeyStore["removeDeletedKeys"] {
  const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
  const isDue = (date: Date, now: Date) =>
    has("removeDeletedKeys removes keys not yet due")
      ? seconds(date) <= seconds(now)
      : has("removeDeletedKeys keeps keys due exactly now")
        ? date.getTime() < now.getTime()
        : date.getTime() <= now.getTime();
  let total = 0;
  return (now) => {
    const first = rows.values().next().value?.record;
    let [removed, looked] = [0, 0];
    for (const [arn, { record, version }] of rows) {
      if (hidden.has(arn) || record.keyState !== "PendingDeletion") continue;
      looked += 1;
      const elsewhere = record.accountId !== first?.accountId || record.region !== first.region;
      if (elsewhere && has("removeDeletedKeys only looks at the first account and Region stored"))
        continue;
      if (isDue(record.deletionDate, now)) {
        if (has("removeDeletedKeys only hides keys")) hidden.add(arn);
        else rows.delete(arn);
        removed += 1;
      } else if (has("removeDeletedKeys rewrites the keys it keeps")) {
        rows.set(arn, { record, version: version + 1 });
      }
    }
    total += removed;
    if (has("removeDeletedKeys counts the keys it looked at")) return okAsync(looked);
    return okAsync(has("removeDeletedKeys returns a running total") ? total : removed);
  };
}
