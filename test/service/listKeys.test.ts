import { describe, expect, it } from "vitest";
import { memoryKeyStore } from "../../src/adapters/memoryKeyStore.js";
import { expectError, type Harness, kmsHarness } from "../support/kmsHarness.js";

async function keys(h: Harness, count: number) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push(await h.externalKey());
  return ids.sort();
}

describe("listKeys", () => {
  it("lists the keys of the account and Region with KeyId and KeyArn, untruncated", async () => {
    const h = kmsHarness();
    const [a, b] = await keys(h, 2);
    expect((await h.kms.listKeys())._unsafeUnwrap()).toStrictEqual({
      Keys: [
        { KeyId: a, KeyArn: `arn:aws:kms:us-east-1:111122223333:key/${a}` },
        { KeyId: b, KeyArn: `arn:aws:kms:us-east-1:111122223333:key/${b}` },
      ],
      Truncated: false,
    });
  });

  it("pages with Limit and Marker, in ARN order, with Truncated and NextMarker while more follow", async () => {
    const h = kmsHarness();
    const ids = await keys(h, 5);
    const seen: string[] = [];
    const truncated: boolean[] = [];
    let Marker: string | undefined;
    do {
      const page = (await h.kms.listKeys({ Limit: 2, Marker }))._unsafeUnwrap();
      expect(page.Keys.length).toBeLessThanOrEqual(2);
      seen.push(...page.Keys.map((k) => k.KeyId));
      truncated.push(page.Truncated);
      expect(page.NextMarker === undefined).toBe(!page.Truncated);
      Marker = page.NextMarker;
    } while (Marker !== undefined);
    expect(seen).toEqual(ids);
    expect(truncated).toEqual([true, true, false]);
  });

  it("returns 100 keys per page when no Limit is given", async () => {
    const h = kmsHarness();
    await keys(h, 101);
    const page = (await h.kms.listKeys({}))._unsafeUnwrap();
    expect(page.Keys).toHaveLength(100);
    expect(page.Truncated).toBe(true);
  });

  it.each([
    [
      0,
      "Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1",
    ],
    [
      1001,
      "Value '1001' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 1000",
    ],
  ])("returns ValidationException for Limit %i", async (Limit, violation) => {
    const error = expectError(await kmsHarness().kms.listKeys({ Limit }), "ValidationException");
    expect(error.message).toBe(`1 validation error detected: ${violation}`);
  });

  it.each(["garbage", "!!!"])(
    "returns InvalidMarkerException for the Marker '%s'",
    async (Marker) => {
      const h = kmsHarness();
      await keys(h, 1);
      expectError(await h.kms.listKeys({ Marker }), "InvalidMarkerException");
    },
  );

  it("returns SerializationException for a Limit that is not an integer", async () => {
    expectError(await kmsHarness().kms.listKeys({ Limit: 2.5 }), "SerializationException");
  });

  it("does not list the keys of another account or Region sharing the store", async () => {
    const store = memoryKeyStore();
    const mine = kmsHarness({ store });
    const otherAccount = kmsHarness({ store, accountId: "444455556666" });
    const otherRegion = kmsHarness({ store, region: "eu-west-1" });
    const [own] = await keys(mine, 1);
    const [foreign] = await keys(otherAccount, 1);
    const [european] = await keys(otherRegion, 1);
    const listed = async (h: Harness) =>
      (await h.kms.listKeys())._unsafeUnwrap().Keys.map((k) => k.KeyId);
    expect(await listed(mine)).toEqual([own]);
    expect(await listed(otherAccount)).toEqual([foreign]);
    expect(await listed(otherRegion)).toEqual([european]);
    expectError(await otherRegion.kms.describeKey({ KeyId: own ?? "" }), "NotFoundException");
  });

  it("lists a key pending deletion until its DeletionDate", async () => {
    const h = kmsHarness();
    const [KeyId] = await keys(h, 1);
    await h.kms.scheduleKeyDeletion({ KeyId: KeyId ?? "", PendingWindowInDays: 7 });
    h.clock.advance({ days: 7, seconds: -1 });
    expect((await h.kms.listKeys())._unsafeUnwrap().Keys).toHaveLength(1);
    h.clock.advance({ seconds: 1 });
    expect((await h.kms.listKeys())._unsafeUnwrap().Keys).toEqual([]);
  });
});
