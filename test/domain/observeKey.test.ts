import { addDays } from "date-fns";
import { describe, expect, it } from "vitest";
import { observeKey, withoutMaterial } from "../../src/domain/observeKey.js";
import {
  arn,
  keyMaterial,
  keyWithMaterial,
  materialIdA,
  now,
  pendingDeletionKey,
  pendingImportKey,
} from "./keyRecords.js";

const validTo = addDays(now, 30);
const justBefore = (date: Date) => new Date(date.getTime() - 1);

describe("observeKey", () => {
  it("keeps expiring material 1 ms before ValidTo", () => {
    const stored = keyWithMaterial("Enabled", keyMaterial(materialIdA, validTo));
    expect(observeKey(stored, justBefore(validTo))).toEqual({ key: stored, events: [] });
  });

  it.each(["Enabled", "Disabled"] as const)(
    "moves a %s key to PendingImport exactly at ValidTo and reports DeleteExpiredKeyMaterial",
    (state) => {
      const stored = keyWithMaterial(state, keyMaterial(materialIdA, validTo));
      const { key, events } = observeKey(stored, validTo);
      expect(key).toEqual(pendingImportKey(materialIdA));
      expect(events).toEqual([
        {
          eventName: "DeleteExpiredKeyMaterial",
          keyArn: arn,
          eventTime: validTo,
          keyState: "PendingImport",
          keyMaterialId: materialIdA,
        },
      ]);
    },
  );

  it("dates the expiry event at ValidTo, not at the time it is observed", () => {
    const stored = keyWithMaterial("Enabled", keyMaterial(materialIdA, validTo));
    const { events } = observeKey(stored, addDays(validTo, 100));
    expect(events.map((e) => e.eventTime)).toEqual([validTo]);
  });

  it("keeps a PendingDeletion key PendingDeletion when its material expires", () => {
    const deletionDate = addDays(validTo, 5);
    const stored = pendingDeletionKey(deletionDate, keyMaterial(materialIdA, validTo));
    const { key, events } = observeKey(stored, validTo);
    expect(key).toEqual(pendingDeletionKey(deletionDate));
    expect(events).toMatchObject([
      { eventName: "DeleteExpiredKeyMaterial", keyState: "PendingDeletion" },
    ]);
  });

  it("never expires material that does not expire", () => {
    const stored = keyWithMaterial("Enabled", keyMaterial(materialIdA));
    expect(observeKey(stored, addDays(now, 3650))).toEqual({ key: stored, events: [] });
  });

  it("reports nothing for a key that has no material", () => {
    const stored = pendingImportKey(materialIdA);
    expect(observeKey(stored, addDays(now, 3650))).toEqual({ key: stored, events: [] });
  });

  it("still returns a key pending deletion 1 ms before its DeletionDate", () => {
    const stored = pendingDeletionKey(validTo);
    expect(observeKey(stored, justBefore(validTo)).key).toEqual(stored);
  });

  it("returns no key from its DeletionDate on", () => {
    const stored = pendingDeletionKey(validTo, keyMaterial(materialIdA, addDays(now, 1)));
    expect(observeKey(stored, validTo)).toEqual({ key: undefined, events: [] });
  });

  it("does not change the stored record", () => {
    const stored = keyWithMaterial("Enabled", keyMaterial(materialIdA, validTo));
    const copy = structuredClone(stored);
    observeKey(stored, validTo);
    expect(stored).toEqual(copy);
  });
});

describe("withoutMaterial", () => {
  it.each(["Enabled", "Disabled"] as const)(
    "moves a %s key to PendingImport and keeps only the bound material ID",
    (state) => {
      expect(withoutMaterial(keyWithMaterial(state))).toEqual(pendingImportKey(materialIdA));
    },
  );

  it("keeps a PendingDeletion key PendingDeletion without material", () => {
    const deletionDate = addDays(now, 7);
    expect(withoutMaterial(pendingDeletionKey(deletionDate, keyMaterial()))).toEqual(
      pendingDeletionKey(deletionDate),
    );
  });

  it("leaves a PendingImport key as it is", () => {
    const key = pendingImportKey();
    expect(withoutMaterial(key)).toBe(key);
  });
});
