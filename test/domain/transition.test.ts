import { addDays } from "date-fns";
import { describe, expect, it } from "vitest";
import type { KeyRecord } from "../../src/domain/keyRecord.js";
import { transition } from "../../src/domain/transition.js";
import { expectError } from "../support/kmsHarness.js";
import {
  arn,
  keyId,
  keyMaterial,
  keyWithMaterial,
  materialIdA,
  materialIdB,
  now,
  pendingDeletionKey,
  pendingImportKey,
  scope,
} from "./keyRecords.js";

const create = { type: "CreateKey", tags: [], arn, keyId, ...scope, description: "d" } as const;
const later = addDays(now, 1);

describe("transition", () => {
  it("creates an EXTERNAL key in PendingImport without material", () => {
    const { key, events } = transition(
      undefined,
      { ...create, origin: "EXTERNAL" },
      now,
    )._unsafeUnwrap();
    expect(key).toEqual({ ...pendingImportKey(), description: "d" });
    expect(events).toEqual([
      { eventName: "CreateKey", keyArn: arn, eventTime: now, keyState: "PendingImport" },
    ]);
  });

  it("creates an AWS_KMS key Enabled and bound to its generated material", () => {
    const material = keyMaterial(materialIdA);
    const command = { ...create, origin: "AWS_KMS", material } as const;
    const { key, events } = transition(undefined, command, now)._unsafeUnwrap();
    expect(key).toMatchObject({ keyState: "Enabled", material, boundMaterialId: materialIdA });
    expect(events).toMatchObject([{ eventName: "CreateKey", keyMaterialId: materialIdA }]);
  });

  it("returns KMSInternalException when the new key ID is already in use", () => {
    expectError(
      transition(pendingImportKey(), { ...create, origin: "EXTERNAL" }, now),
      "KMSInternalException",
    );
  });

  it.each([
    { type: "ReadKey", arn },
    { type: "EnableKey", arn },
    { type: "CancelKeyDeletion", arn },
  ] as const)("returns NotFoundException for $type on a key that does not exist", (command) => {
    const error = expectError(transition(undefined, command, now), "NotFoundException");
    expect(error.message).toBe(`Key '${arn}' does not exist`);
  });

  it("returns NotFoundException for a key whose deletion date has passed", () => {
    const error = expectError(
      transition(pendingDeletionKey(now), { type: "ReadKey", arn }, now),
      "NotFoundException",
    );
    expect(error.message).toBe(`Key '${arn}' does not exist`);
  });

  it("describes a key without events when time derived nothing", () => {
    const stored = keyWithMaterial("Enabled");
    expect(transition(stored, { type: "ReadKey", arn }, now)._unsafeUnwrap()).toEqual({
      key: stored,
      events: [],
    });
  });

  it("applies expiry first, so DescribeKey after ValidTo returns the expiry event", () => {
    const stored = keyWithMaterial("Enabled", keyMaterial(materialIdA, later));
    const { key, events } = transition(stored, { type: "ReadKey", arn }, later)._unsafeUnwrap();
    expect(key.keyState).toBe("PendingImport");
    expect(events).toMatchObject([{ eventName: "DeleteExpiredKeyMaterial", eventTime: later }]);
  });

  it("returns KMSInvalidStateException for EnableKey once the material has expired", () => {
    const stored = keyWithMaterial("Disabled", keyMaterial(materialIdA, later));
    const error = expectError(
      transition(stored, { type: "EnableKey", arn }, later),
      "KMSInvalidStateException",
    );
    expect(error.message).toBe(`${arn} is pending import.`);
  });

  it.each(["EnableKey", "DisableKey"] as const)(
    'returns KMSInvalidStateException "… is pending import." for %s on a PendingImport key',
    (type) => {
      const error = expectError(
        transition(pendingImportKey(), { type, arn }, now),
        "KMSInvalidStateException",
      );
      expect(error.message).toBe(`${arn} is pending import.`);
    },
  );

  it.each(["EnableKey", "DisableKey"] as const)(
    'returns KMSInvalidStateException "… is pending deletion." for %s on a PendingDeletion key',
    (type) => {
      const stored = pendingDeletionKey(addDays(now, 7), keyMaterial());
      const error = expectError(transition(stored, { type, arn }, now), "KMSInvalidStateException");
      expect(error.message).toBe(`${arn} is pending deletion.`);
    },
  );

  it.each([
    ["DisableKey", "Enabled", "Disabled"],
    ["EnableKey", "Disabled", "Enabled"],
    ["EnableKey", "Enabled", "Enabled"],
  ] as const)("%s moves a %s key to %s", (type, from, to) => {
    const { key, events } = transition(keyWithMaterial(from), { type, arn }, now)._unsafeUnwrap();
    expect(key).toEqual(keyWithMaterial(to));
    expect(events).toEqual([
      { eventName: type, keyArn: arn, eventTime: now, keyState: to, keyMaterialId: materialIdA },
    ]);
  });

  it("schedules deletion at now + PendingWindowInDays and keeps the material", () => {
    const command = { type: "ScheduleKeyDeletion", arn, pendingWindowInDays: 7 } as const;
    const { key } = transition(keyWithMaterial("Enabled"), command, now)._unsafeUnwrap();
    expect(key).toEqual(pendingDeletionKey(addDays(now, 7), keyMaterial()));
  });

  it("returns KMSInvalidStateException when deletion is scheduled twice", () => {
    const command = { type: "ScheduleKeyDeletion", arn, pendingWindowInDays: 30 } as const;
    const error = expectError(
      transition(pendingDeletionKey(addDays(now, 7)), command, now),
      "KMSInvalidStateException",
    );
    expect(error.message).toBe(`${arn} is pending deletion.`);
  });

  it("cancels deletion of a key with material to Disabled", () => {
    const stored = pendingDeletionKey(addDays(now, 7), keyMaterial());
    const { key } = transition(stored, { type: "CancelKeyDeletion", arn }, now)._unsafeUnwrap();
    expect(key).toEqual(keyWithMaterial("Disabled"));
  });

  it("cancels deletion of a key without material to PendingImport", () => {
    const stored = pendingDeletionKey(addDays(now, 7));
    const { key } = transition(stored, { type: "CancelKeyDeletion", arn }, now)._unsafeUnwrap();
    expect(key).toEqual(pendingImportKey(materialIdA));
  });

  it.each([
    ["Enabled", keyWithMaterial("Enabled")],
    ["PendingImport", pendingImportKey()],
  ] as const)("returns KMSInvalidStateException for CancelKeyDeletion on a %s key", (_, stored) => {
    const error = expectError(
      transition(stored, { type: "CancelKeyDeletion", arn }, now),
      "KMSInvalidStateException",
    );
    expect(error.message).toBe(`${arn} is not pending deletion.`);
  });

  it.each(["Enabled", "Disabled"] as const)(
    "deletes the material of a %s key to PendingImport and names it in the event",
    (state) => {
      const command = {
        type: "DeleteImportedKeyMaterial",
        arn,
        expectedMaterialId: undefined,
      } as const;
      const { key, events } = transition(keyWithMaterial(state), command, now)._unsafeUnwrap();
      expect(key).toEqual(pendingImportKey(materialIdA));
      expect(events).toEqual([
        {
          eventName: "DeleteImportedKeyMaterial",
          keyArn: arn,
          eventTime: now,
          keyState: "PendingImport",
          keyMaterialId: materialIdA,
        },
      ]);
    },
  );

  it("keeps a PendingDeletion key PendingDeletion when its material is deleted", () => {
    const command = {
      type: "DeleteImportedKeyMaterial",
      arn,
      expectedMaterialId: undefined,
    } as const;
    const stored = pendingDeletionKey(addDays(now, 7), keyMaterial());
    const { key } = transition(stored, command, now)._unsafeUnwrap();
    expect(key).toEqual(pendingDeletionKey(addDays(now, 7)));
  });

  it("returns NotFoundException when DeleteImportedKeyMaterial names other material", () => {
    const command = {
      type: "DeleteImportedKeyMaterial",
      arn,
      expectedMaterialId: materialIdB,
    } as const;
    const error = expectError(
      transition(keyWithMaterial("Enabled"), command, now),
      "NotFoundException",
    );
    expect(error.message).toBe(`Key material ${materialIdB} is not associated with ${arn}.`);
  });

  it("does not change the record it is given", () => {
    const stored: KeyRecord = keyWithMaterial("Enabled", keyMaterial(materialIdA, later));
    const copy = structuredClone(stored);
    transition(stored, { type: "DisableKey", arn }, now);
    transition(stored, { type: "ReadKey", arn }, later);
    expect(stored).toEqual(copy);
  });
});
