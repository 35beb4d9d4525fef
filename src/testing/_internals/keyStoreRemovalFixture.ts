import type { KeyRecord } from "../../domain/keyRecord.js";
import type { CheckedStore } from "./keyStoreCalls.js";
import { okOf } from "./keyStoreExpectations.js";
import { expectEveryKeyOnceInOrder, walkPages } from "./keyStorePageWalk.js";
import { violation } from "./keyStoreViolation.js";
import {
  homeScope,
  otherAccountScope,
  otherPartitionScope,
  otherRegionScope,
  sampleKeyRecord,
  sampleShapes,
} from "./sampleKeyRecord.js";

// The keys the removal checks plant, and what removeDeletedKeys(removalTime) must do to them.

const rule = "removal";
const day = 86_400_000;

/** The time the removal checks call removeDeletedKeys with. */
export const removalTime = new Date("2026-04-30T08:00:00.500Z");

/** A fresh Date `ms` milliseconds after {@link removalTime} (before it, when negative). */
export function afterRemovalTime(ms: number): Date {
  return new Date(removalTime.getTime() + ms);
}

/** The scopes keys are planted in, {@link homeScope} first. */
export const removalScopes = [homeScope, otherAccountScope, otherRegionScope, otherPartitionScope];

/** When PendingDeletion keys fall due: a day before, at, 1 ms after and a week after the time. */
const dueOffsets = [-day, 0, 1, 7 * day];
/** Every shape once, and the PendingDeletion shapes once per offset. */
const plan = sampleShapes.flatMap((shape) =>
  shape.startsWith("PendingDeletion")
    ? dueOffsets.map((offset) => ({ shape, offset, due: offset <= 0 }))
    : [{ shape, offset: -day, due: false }],
);

/** A key the removal checks planted: its record, its version, and whether it is due. */
export interface PlantedKey {
  readonly record: KeyRecord;
  readonly version: number;
  /** Whether `removeDeletedKeys(removalTime)` must remove it. */
  readonly due: boolean;
}

/**
 * Puts {@link plan}'s keys in each of {@link removalScopes} (the same key IDs in each), and
 * rewrites every third one, so its version is above the one its first put returned.
 */
export async function plantKeys(store: CheckedStore): Promise<PlantedKey[]> {
  const planted: PlantedKey[] = [];
  for (const scope of removalScopes)
    for (const [n, { shape, offset, due }] of plan.entries()) {
      const deletionDate = afterRemovalTime(offset);
      const record = (description?: string) =>
        sampleKeyRecord(n, {
          scope,
          shape,
          deletionDate,
          ...(description === undefined ? {} : { description }),
        });
      let version = okOf(rule, await store.put(record(), 0));
      const rewritten = n % 3 === 0 ? `key ${n}, rewritten before removal` : undefined;
      if (rewritten !== undefined)
        version = okOf(rule, await store.put(record(rewritten), version));
      planted.push({ record: record(rewritten), version, due });
    }
  return planted;
}

/** Plants the keys of {@link plantKeys}, then calls `removeDeletedKeys(removalTime)` once. */
export async function plantAndRemove(store: CheckedStore): Promise<PlantedKey[]> {
  const planted = await plantKeys(store);
  okOf(rule, await store.removeDeletedKeys(removalTime));
  return planted;
}

/** A planted key as messages show it: its ARN, state and deletion date. */
export function shownKey({ record }: PlantedKey): string {
  const due =
    record.keyState === "PendingDeletion" ? `, due ${record.deletionDate.toISOString()}` : "";
  return `${record.arn} (${record.keyState}${due})`;
}

/** Requires get to return undefined for every key in `removed`. */
export async function expectRemoved(
  store: CheckedStore,
  removed: readonly PlantedKey[],
  when: string,
): Promise<void> {
  for (const key of removed) {
    const outcome = await store.get(key.record.arn);
    const stored = okOf(rule, outcome);
    if (stored !== undefined)
      throw violation(
        rule,
        `${when}, ${outcome.call} must return undefined: the key was removed, and a removed key never comes back by itself.`,
        { key: shownKey(key), returned: stored },
      );
  }
}

/** Requires a walk of each scope, limit 5, to list exactly the keys that are not due. */
export async function expectListedAfterRemoval(
  store: CheckedStore,
  planted: readonly PlantedKey[],
  removal: string,
): Promise<void> {
  for (const scope of removalScopes) {
    const kept = planted
      .filter(({ due, record }) => !due && record.accountId === scope.accountId)
      .flatMap(({ record }) => (record.region === scope.region ? [record] : []));
    const listed = await walkPages(store, scope, 5, kept.length, undefined, rule);
    expectEveryKeyOnceInOrder(`After ${removal}, listing`, kept, listed, rule);
  }
}
