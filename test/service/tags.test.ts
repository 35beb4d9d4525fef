import { describe, expect, it } from "vitest";
import { arnOf, expectError, kmsHarness } from "../support/kmsHarness.js";

const tag = (TagKey: string, TagValue: string) => ({ TagKey, TagValue });

describe("tags", () => {
  it("stores CreateKey's tags, sets more with TagResource and removes some with UntagResource", async () => {
    const h = kmsHarness();
    const { KeyMetadata } = (
      await h.kms.createKey({ Tags: [tag("tag1", "value1"), tag("tag2", "value2")] })
    )._unsafeUnwrap();
    const KeyId = KeyMetadata.KeyId;
    expect(
      await h.kms.tagResource({ KeyId, Tags: [tag("tag2", "updated"), tag("tag3", "")] }),
    ).toBeOk({});
    expect(await h.kms.listResourceTags({ KeyId })).toBeOk({
      Tags: [tag("tag1", "value1"), tag("tag2", "updated"), tag("tag3", "")],
      Truncated: false,
    });
    expect(await h.kms.untagResource({ KeyId, TagKeys: ["tag2", "absent"] })).toBeOk({});
    expect((await h.kms.listResourceTags({ KeyId }))._unsafeUnwrap().Tags).toEqual([
      tag("tag1", "value1"),
      tag("tag3", ""),
    ]);
    expect(h.audit.map((e) => e.eventName)).toEqual(["CreateKey", "TagResource", "UntagResource"]);
  });

  it.each([
    ["the same key twice", [tag("a", "1"), tag("a", "2")], "Duplicate tag keys"],
    ["a key starting with aws:", [tag("aws:x", "1")], "Tags beginning with aws: are reserved"],
    ["a key starting with AWS:", [tag("AWS:x", "1")], "Tags beginning with aws: are reserved"],
  ])("refuses %s with TagException and changes nothing", async (_, Tags, message) => {
    const h = kmsHarness();
    const { KeyId } = await h.enabledKey();
    const error = expectError(await h.kms.tagResource({ KeyId, Tags }), "TagException");
    expect(error.message).toBe(message);
    expect((await h.kms.listResourceTags({ KeyId }))._unsafeUnwrap().Tags).toEqual([]);
  });

  it("refuses a 51st tag with TagException Too many tags, counting the tags the key has", async () => {
    const h = kmsHarness();
    const { KeyId } = await h.enabledKey();
    const fifty = Array.from({ length: 50 }, (_, i) => tag(`k${i}`, "v"));
    expect(await h.kms.tagResource({ KeyId, Tags: fifty })).toBeOk();
    expect(await h.kms.tagResource({ KeyId, Tags: [tag("k0", "new")] })).toBeOk();
    const error = expectError(
      await h.kms.tagResource({ KeyId, Tags: [tag("k50", "v")] }),
      "TagException",
    );
    expect(error.message).toBe("Too many tags");
  });

  it("answers AWS's ValidationException for a tag key over 128 characters", async () => {
    const h = kmsHarness();
    const { KeyId } = await h.enabledKey();
    const long = "k".repeat(129);
    const error = expectError(
      await h.kms.tagResource({ KeyId, Tags: [tag(long, "v")] }),
      "ValidationException",
    );
    expect(error.message).toBe(
      `1 validation error detected: Value '${long}' at 'tags.1.member.tagKey' failed to satisfy constraint: Member must have length less than or equal to 128`,
    );
  });

  it("pages ListResourceTags with Limit and NextMarker, and refuses a marker it did not hand out", async () => {
    const h = kmsHarness();
    const { KeyId } = await h.enabledKey();
    await h.kms.tagResource({ KeyId, Tags: [tag("a", "1"), tag("b", "2"), tag("c", "3")] });
    const first = (await h.kms.listResourceTags({ KeyId, Limit: 2 }))._unsafeUnwrap();
    expect(first).toEqual({
      Tags: [tag("a", "1"), tag("b", "2")],
      Truncated: true,
      NextMarker: "2",
    });
    expect(await h.kms.listResourceTags({ KeyId, Limit: 2, Marker: "2" })).toBeOk({
      Tags: [tag("c", "3")],
      Truncated: false,
    });
    for (const Marker of ["3", "01", "x", "-1"]) {
      expectError(await h.kms.listResourceTags({ KeyId, Marker }), "InvalidMarkerException");
    }
  });

  it("refuses tag changes on a key pending deletion but still lists its tags", async () => {
    const h = kmsHarness();
    const { KeyId } = await h.enabledKey();
    await h.kms.tagResource({ KeyId, Tags: [tag("team", "a")] });
    await h.kms.scheduleKeyDeletion({ KeyId });
    const error = expectError(
      await h.kms.tagResource({ KeyId, Tags: [tag("team", "b")] }),
      "KMSInvalidStateException",
    );
    expect(error.message).toBe(`${arnOf(KeyId)} is pending deletion.`);
    expectError(
      await h.kms.untagResource({ KeyId, TagKeys: ["team"] }),
      "KMSInvalidStateException",
    );
    expect((await h.kms.listResourceTags({ KeyId }))._unsafeUnwrap().Tags).toEqual([
      tag("team", "a"),
    ]);
  });

  it("refuses an alias in the tag operations with InvalidArnException", async () => {
    const h = kmsHarness();
    const { KeyId } = await h.enabledKey();
    await h.kms.createAlias({ AliasName: "alias/tagged", TargetKeyId: KeyId });
    const KeyIdAlias = "alias/tagged";
    expectError(await h.kms.listResourceTags({ KeyId: KeyIdAlias }), "InvalidArnException");
    expectError(
      await h.kms.tagResource({ KeyId: KeyIdAlias, Tags: [tag("a", "b")] }),
      "InvalidArnException",
    );
  });
});
