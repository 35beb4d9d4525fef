import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { memoryKeyStore } from "../../src/adapters/memoryKeyStore.js";
import { type KeyScope, keyArn } from "../../src/domain/keyArn.js";
import type { KeyId } from "../../src/domain/keyId.js";
import type { KeyMaterialId } from "../../src/domain/keyMaterialId.js";
import type { KeyRecord } from "../../src/domain/keyRecord.js";
import type { KeyStore } from "../../src/ports/keyStore.js";
import { sampleAliasRecord } from "../../src/testing/_internals/sampleAliasRecord.js";
import { expectError } from "../support/kmsHarness.js";

const scope: KeyScope = { accountId: "111122223333", region: "us-east-1" };

/** A hand-built key record: PendingImport, or Enabled with (fake) sealed material. */
function record(n: number, where: KeyScope = scope, withMaterial = false): KeyRecord {
  const keyId = `${n.toString(16).padStart(8, "0")}-0000-4000-8000-000000000000` as KeyId;
  const base = {
    arn: keyArn(where, keyId),
    keyId,
    accountId: where.accountId,
    region: where.region,
    creationDate: new Date("2026-03-01T12:00:00.000Z"),
    description: `key ${n}`,
    origin: "EXTERNAL" as const,
    parameterSets: [],
  };
  return withMaterial
    ? {
        ...base,
        keyState: "Enabled",
        material: { id: "ab".repeat(32) as KeyMaterialId, sealed: Uint8Array.of(1, 2, 3) },
      }
    : { ...base, keyState: "PendingImport" };
}

/** `key` as a key whose deletion date has passed by 2026-03-10. */
function pendingDeletion(key: KeyRecord): KeyRecord {
  return {
    ...key,
    keyState: "PendingDeletion",
    deletionDate: new Date("2026-03-08T00:00:00.000Z"),
    pendingWindowInDays: 7,
  };
}

/**
 * Every ARN of `scope` that `store` lists, page after page of `limit`. Stops with what it has
 * after more pages than `expected` keys can fill, so a marker that does not advance fails the
 * test instead of paging forever.
 */
async function pagedArns(store: KeyStore, limit: number, expected: number): Promise<string[]> {
  const arns: string[] = [];
  let marker: string | undefined;
  for (let pages = 0; pages <= expected / limit + 1; pages++) {
    const page = (
      await store.list(scope, marker === undefined ? { limit } : { limit, marker })
    )._unsafeUnwrap();
    arns.push(...page.records.map((r) => r.arn));
    marker = page.nextMarker;
    if (marker === undefined) return arns;
  }
  return arns;
}

describe("memoryKeyStore", () => {
  it("returns undefined for a key it does not hold", async () => {
    const store = memoryKeyStore();

    expect((await store.get(record(1).arn))._unsafeUnwrap()).toBeUndefined();
  });

  it("stores a new record at version 1 and returns it with that version", async () => {
    const store = memoryKeyStore();
    const key = record(1, scope, true);

    expect((await store.put(key, 0))._unsafeUnwrap()).toBe(1);
    expect((await store.get(key.arn))._unsafeUnwrap()).toEqual({ record: key, version: 1 });
  });

  it("replaces a record when the expected version is the stored one, and counts up", async () => {
    const store = memoryKeyStore();
    const key = record(1);
    await store.put(key, 0);
    const changed: KeyRecord = { ...key, description: "changed" };

    expect((await store.put(changed, 1))._unsafeUnwrap()).toBe(2);
    expect((await store.get(key.arn))._unsafeUnwrap()).toEqual({ record: changed, version: 2 });
  });

  it("returns WriteConflict for a stale expected version and leaves the record as it was", async () => {
    const store = memoryKeyStore();
    const key = record(1);
    await store.put(key, 0);
    await store.put({ ...key, description: "second" }, 1);

    const result = await store.put({ ...key, description: "lost update" }, 1);

    expect(result._unsafeUnwrapErr()).toEqual({ name: "WriteConflict", arn: key.arn });
    const stored = (await store.get(key.arn))._unsafeUnwrap();
    expect(stored?.version).toBe(2);
    expect(stored?.record.description).toBe("second");
  });

  it("returns WriteConflict when two writers both create the same key with expected version 0", async () => {
    const store = memoryKeyStore();
    const key = record(1);
    await store.put(key, 0);

    const second = await store.put({ ...key, description: "second creator" }, 0);

    expect(second._unsafeUnwrapErr()).toEqual({ name: "WriteConflict", arn: key.arn });
    expect((await store.get(key.arn))._unsafeUnwrap()).toEqual({ record: key, version: 1 });
  });

  it("returns WriteConflict when updating a key it does not hold, and stores nothing", async () => {
    const store = memoryKeyStore();
    const key = record(1);

    expect((await store.put(key, 3))._unsafeUnwrapErr().name).toBe("WriteConflict");
    expect((await store.get(key.arn))._unsafeUnwrap()).toBeUndefined();
  });

  it("hands out copies, so mutating a returned record does not change the store", async () => {
    const store = memoryKeyStore();
    const key = record(1, scope, true);
    await store.put(key, 0);
    const got = (await store.get(key.arn))._unsafeUnwrap()?.record;
    if (got?.keyState !== "Enabled") throw new Error("expected an Enabled record");

    (got as { description: string }).description = "mutated";
    got.creationDate.setUTCFullYear(1999);
    got.material.sealed.fill(0);
    const listed = (await store.list(scope, { limit: 10 }))._unsafeUnwrap().records[0];
    (listed as { description: string }).description = "mutated via list";

    expect((await store.get(key.arn))._unsafeUnwrap()?.record).toEqual(record(1, scope, true));
  });

  it("keeps its own copy, so mutating the record after put does not change the store", async () => {
    const store = memoryKeyStore();
    const key = record(1, scope, true);
    await store.put(key, 0);
    if (key.keyState !== "Enabled") throw new Error("expected an Enabled record");

    (key as { description: string }).description = "mutated";
    key.creationDate.setUTCFullYear(1999);
    key.material.sealed.fill(0);

    expect((await store.get(key.arn))._unsafeUnwrap()?.record).toEqual(record(1, scope, true));
  });

  it("lists pages in ARN order, whatever the order of writes, until no marker is returned", async () => {
    const store = memoryKeyStore();
    for (const n of [4, 1, 5, 3, 2]) await store.put(record(n), 0);

    const seen: string[][] = [];
    let marker: string | undefined;
    // At most four pages, so a marker that does not advance fails instead of paging forever.
    for (let pages = 0; pages < 4 && (pages === 0 || marker !== undefined); pages++) {
      const page = (
        await store.list(scope, marker === undefined ? { limit: 2 } : { limit: 2, marker })
      )._unsafeUnwrap();
      seen.push(page.records.map((r) => r.description));
      marker = page.nextMarker;
    }

    expect(seen).toEqual([["key 1", "key 2"], ["key 3", "key 4"], ["key 5"]]);
  });

  it("pages every key of a scope exactly once, in ARN order, across writes and removals in any order", async () => {
    const other: KeyScope = { accountId: "444455556666", region: "us-east-1" };
    const step = fc.oneof(
      fc.record({ add: fc.nat(60), otherScope: fc.boolean() }),
      fc.record({ remove: fc.nat(60) }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { maxLength: 40 }),
        fc.integer({ min: 1, max: 7 }),
        async (steps, limit) => {
          const store = memoryKeyStore();
          const held = new Map<string, KeyRecord>();
          for (const s of steps) {
            if ("add" in s) {
              const added = record(s.add, s.otherScope ? other : scope);
              if (held.has(added.arn)) continue;
              await store.put(added, 0);
              held.set(added.arn, added);
            } else {
              const due = record(s.remove);
              const stored = (await store.get(due.arn))._unsafeUnwrap();
              if (stored === undefined) continue;
              await store.put(pendingDeletion(due), stored.version);
              await store.removeDeletedKeys(new Date("2026-03-10T00:00:00.000Z"));
              held.delete(due.arn);
            }
            const expected = [...held.keys()].filter((arn) => arn.includes(scope.accountId)).sort();
            expect(await pagedArns(store, limit, expected.length)).toEqual(expected);
          }
        },
      ),
    );
  });

  it("returns no marker when the last page is exactly full", async () => {
    const store = memoryKeyStore();
    for (const n of [1, 2]) await store.put(record(n), 0);

    const page = (await store.list(scope, { limit: 2 }))._unsafeUnwrap();

    expect(page.records).toHaveLength(2);
    expect(page.nextMarker).toBeUndefined();
  });

  it("lists only the keys of the requested account and Region", async () => {
    const store = memoryKeyStore();
    const otherAccount: KeyScope = { accountId: "444455556666", region: "us-east-1" };
    const otherRegion: KeyScope = { accountId: "111122223333", region: "eu-west-1" };
    await store.put(record(1), 0);
    await store.put(record(2, otherAccount), 0);
    await store.put(record(3, otherRegion), 0);

    const arnsIn = async (where: KeyScope) =>
      (await store.list(where, { limit: 10 }))._unsafeUnwrap().records.map((r) => r.arn);

    expect(await arnsIn(scope)).toEqual([record(1).arn]);
    expect(await arnsIn(otherAccount)).toEqual([record(2, otherAccount).arn]);
    expect(await arnsIn(otherRegion)).toEqual([record(3, otherRegion).arn]);
    expect(await arnsIn({ accountId: "777788889999", region: "us-east-1" })).toEqual([]);
  });

  it.each([
    ["garbage", "not a marker!"],
    ["base64url of something that is not an ARN", Buffer.from("hello").toString("base64url")],
    ["an ARN in standard base64 with padding", Buffer.from("arn:aws:kms:x").toString("base64")],
    ["a forged base64url ARN prefix", Buffer.from("arn:aws").toString("base64url")],
    [
      "the base64url ARN of a key this store does not hold",
      Buffer.from(record(9).arn).toString("base64url"),
    ],
  ])("returns InvalidMarkerException for a marker that is %s", async (_, marker) => {
    const store = memoryKeyStore();
    await store.put(record(1), 0);

    expectError(await store.list(scope, { limit: 10, marker }), "InvalidMarkerException");
  });

  it("stores an alias at version 1, and returns WriteConflict with the alias ARN for a second creator", async () => {
    const store = memoryKeyStore();
    const alias = sampleAliasRecord(1, { scope });

    expect(await store.putAlias(alias, 0)).toBeOk(1);
    const second = await store.putAlias({ ...alias, targetKeyId: record(2).keyId }, 0);

    expect(second._unsafeUnwrapErr()).toEqual({
      name: "WriteConflict",
      arn: `arn:aws:kms:us-east-1:111122223333:${alias.aliasName}`,
    });
    expect(await store.getAlias(scope, alias.aliasName)).toBeOk({ alias, version: 1 });
  });

  it("leaves out of listAliases the aliases of a key due for deletion, and removes them with the key", async () => {
    const store = memoryKeyStore();
    const due: KeyRecord = {
      ...record(1),
      keyState: "PendingDeletion",
      deletionDate: new Date("2026-04-01T00:00:00.000Z"),
      pendingWindowInDays: 7,
    };
    await store.put(due, 0);
    await store.put(record(2), 0);
    const ofDue = sampleAliasRecord(1, { scope, name: "alias/due" });
    const kept = sampleAliasRecord(2, { scope, name: "alias/kept" });
    await store.putAlias({ ...ofDue, targetKeyId: due.keyId }, 0);
    await store.putAlias({ ...kept, targetKeyId: record(2).keyId }, 0);
    const namesAt = async (now: string) =>
      (await store.listAliases(scope, { limit: 10 }, new Date(now)))
        ._unsafeUnwrap()
        .aliases.map((a) => a.aliasName);

    expect(await namesAt("2026-03-31T23:59:59.999Z")).toEqual(["alias/due", "alias/kept"]);
    expect(await namesAt("2026-04-01T00:00:00.000Z")).toEqual(["alias/kept"]);
    expect(await store.removeDeletedKeys(new Date("2026-04-01T00:00:00.000Z"))).toBeOk(1);
    expect(await store.getAlias(scope, ofDue.aliasName)).toBeOk(undefined);
    expect(await namesAt("2026-03-01T00:00:00.000Z")).toEqual(["alias/kept"]);
  });
});
