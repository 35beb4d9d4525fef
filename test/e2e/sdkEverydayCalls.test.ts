import type { AliasListEntry, KMS } from "@aws-sdk/client-kms";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { manualClock } from "../../src/testing/manualClock.js";
import { type KmsEndpoint, sdkKms, startKmsEndpoint } from "../support/kmsEndpoint.js";
import { aliasRefused, answer, error400, fails } from "./support/sdkAnswers.js";
import { arnOf, sdkImports } from "./support/sdkImports.js";

// The everyday operations beyond the key lifecycle (aliases, ReEncrypt, key policies, tags)
// through @aws-sdk/client-kms's aggregated KMS client against the local endpoint; the key
// settings (description, rotation) and GenerateRandom are in sdkKeySettings.test.ts. Errors are
// asserted by the SDK's exception name, message and HTTP status.

const start = new Date("2026-03-01T12:00:00.000Z");
const clock = manualClock(start);
const aliasArn = (name: string) => `arn:aws:kms:us-east-1:111122223333:${name}`;
const context = { purpose: "everyday calls" };
const plaintext = new TextEncoder().encode("re-encrypt me");
let endpoint: KmsEndpoint;
let kms: KMS;
let keyA: { KeyId: string; KeyMaterialId: string };
let keyB: { KeyId: string; KeyMaterialId: string };

beforeAll(async () => {
  endpoint = await startKmsEndpoint({ clock });
  kms = sdkKms(endpoint.url);
  const kit = sdkImports(kms, clock);
  keyA = await kit.importedKey();
  keyB = await kit.importedKey();
});

afterAll(async () => {
  kms.destroy();
  await endpoint.close();
});

describe("aliases through the SDK", () => {
  it("of two concurrent CreateAlias of one name, exactly one succeeds and the other gets AlreadyExistsException; the alias names the winner's key", async () => {
    for (const round of [1, 2, 3, 4, 5]) {
      const AliasName = `alias/race-${round}`;
      const settled = await Promise.allSettled(
        [keyA, keyB].map(({ KeyId }) => kms.createAlias({ AliasName, TargetKeyId: KeyId })),
      );
      const won = settled.flatMap((outcome, i) => (outcome.status === "fulfilled" ? [i] : []));
      expect(won).toHaveLength(1);
      const [lost] = settled.flatMap((outcome) =>
        outcome.status === "rejected" ? [outcome.reason] : [],
      );
      expect(await fails(Promise.reject(lost))).toEqual(
        error400(
          "AlreadyExistsException",
          `An alias with the name ${aliasArn(AliasName)} already exists`,
        ),
      );
      const winner = [keyA, keyB][won[0] ?? -1]?.KeyId;
      expect((await kms.describeKey({ KeyId: AliasName })).KeyMetadata?.KeyId).toBe(winner);
    }
  });

  it("ListAliases pages with Limit and Marker through every alias in name order, each entry as AWS lists it", async () => {
    for (const n of [1, 2, 3]) {
      await kms.createAlias({ AliasName: `alias/page-${n}`, TargetKeyId: arnOf(keyB.KeyId) });
    }
    const listed: AliasListEntry[] = [];
    let Marker: string | undefined;
    let pages = 0;
    do {
      const page = await kms.listAliases({ Limit: 3, Marker });
      pages += 1;
      expect(page.Aliases?.length).toBeLessThanOrEqual(3);
      expect(page.Truncated).toBe(page.NextMarker !== undefined);
      listed.push(...(page.Aliases ?? []));
      Marker = page.NextMarker;
    } while (Marker !== undefined);
    expect(pages).toBe(3);
    expect(listed.map(({ AliasName }) => AliasName)).toEqual([
      ...[1, 2, 3].map((n) => `alias/page-${n}`),
      ...[1, 2, 3, 4, 5].map((n) => `alias/race-${n}`),
    ]);
    expect(listed.find(({ AliasName }) => AliasName === "alias/page-1")).toEqual({
      AliasName: "alias/page-1",
      AliasArn: aliasArn("alias/page-1"),
      TargetKeyId: keyB.KeyId,
      CreationDate: start,
      LastUpdatedDate: start,
    });
  });

  it("ListAliases with KeyId lists that key's aliases only; an alias there, or a foreign marker, is refused", async () => {
    const { Aliases = [] } = await kms.listAliases({ KeyId: keyB.KeyId });
    expect(Aliases.map(({ AliasName }) => AliasName)).toContain("alias/page-3");
    expect(Aliases.map(({ TargetKeyId }) => TargetKeyId)).toEqual(Aliases.map(() => keyB.KeyId));
    expect(await fails(kms.listAliases({ KeyId: "alias/page-1" }))).toEqual(aliasRefused);
    expect(await fails(kms.listAliases({ Marker: "bm90IGEgbWFya2Vy" }))).toEqual(
      error400(
        "InvalidMarkerException",
        "The request was rejected because the marker is not valid.",
      ),
    );
  });

  it("Encrypt and DescribeKey take an alias name or alias ARN; UpdateAlias moves it, keeping CreationDate; DeleteAlias removes it", async () => {
    const AliasName = "alias/moving";
    await kms.createAlias({ AliasName, TargetKeyId: keyA.KeyId });
    for (const KeyId of [AliasName, aliasArn(AliasName)]) {
      expect((await kms.encrypt({ KeyId, Plaintext: plaintext })).KeyId).toBe(arnOf(keyA.KeyId));
    }
    clock.advance({ hours: 1 });
    await kms.updateAlias({ AliasName, TargetKeyId: arnOf(keyB.KeyId) });
    const { Aliases } = await kms.listAliases({ KeyId: keyB.KeyId });
    expect(Aliases?.find((entry) => entry.AliasName === AliasName)).toMatchObject({
      TargetKeyId: keyB.KeyId,
      CreationDate: start,
      LastUpdatedDate: clock.now(),
    });
    expect((await kms.describeKey({ KeyId: aliasArn(AliasName) })).KeyMetadata?.KeyId).toBe(
      keyB.KeyId,
    );
    await kms.deleteAlias({ AliasName });
    const notFound = error400("NotFoundException", `Alias ${aliasArn(AliasName)} is not found.`);
    expect(await fails(kms.encrypt({ KeyId: AliasName, Plaintext: plaintext }))).toEqual(notFound);
    expect(await fails(kms.deleteAlias({ AliasName }))).toEqual(notFound);
  });

  it("CreateAlias refuses a name without alias/, a name under alias/aws/ and an alias as its target", async () => {
    const create = (AliasName: string, TargetKeyId = keyA.KeyId) =>
      fails(kms.createAlias({ AliasName, TargetKeyId }));
    expect(await create("no-prefix")).toMatchObject({ name: "ValidationException", status: 400 });
    expect(await create("alias/aws/mine")).toEqual(
      error400(
        "InvalidAliasNameException",
        "Alias names beginning with alias/aws/ are reserved for AWS managed keys.",
      ),
    );
    expect(await create("alias/new", "alias/page-1")).toEqual(aliasRefused);
  });
});

describe("ReEncrypt through the SDK", () => {
  it("moves a ciphertext from one key to another, both named by aliases, under a new context; the result decrypts under the new key only", async () => {
    await kms.createAlias({ AliasName: "alias/source", TargetKeyId: keyA.KeyId });
    await kms.createAlias({ AliasName: "alias/destination", TargetKeyId: keyB.KeyId });
    const { CiphertextBlob } = await kms.encrypt({
      KeyId: "alias/source",
      Plaintext: plaintext,
      EncryptionContext: context,
    });
    const moved = answer(
      await kms.reEncrypt({
        CiphertextBlob,
        SourceKeyId: aliasArn("alias/source"),
        SourceEncryptionContext: context,
        DestinationKeyId: aliasArn("alias/destination"),
        DestinationEncryptionContext: { purpose: "moved" },
      }),
    );
    expect(moved).toEqual({
      CiphertextBlob: expect.any(Uint8Array),
      SourceKeyId: arnOf(keyA.KeyId),
      KeyId: arnOf(keyB.KeyId),
      SourceEncryptionAlgorithm: "SYMMETRIC_DEFAULT",
      DestinationEncryptionAlgorithm: "SYMMETRIC_DEFAULT",
      SourceKeyMaterialId: keyA.KeyMaterialId,
      DestinationKeyMaterialId: keyB.KeyMaterialId,
    });
    const decrypted = await kms.decrypt({
      CiphertextBlob: moved.CiphertextBlob,
      EncryptionContext: { purpose: "moved" },
    });
    expect(decrypted).toMatchObject({ KeyId: arnOf(keyB.KeyId), Plaintext: plaintext });
    expect(await fails(kms.decrypt({ CiphertextBlob: moved.CiphertextBlob }))).toEqual(
      error400(
        "InvalidCiphertextException",
        "The ciphertext does not decrypt: it was changed, or the encryption context differs from the one it was encrypted with.",
      ),
    );
    const wrongSource = kms.reEncrypt({
      CiphertextBlob,
      SourceKeyId: keyB.KeyId,
      SourceEncryptionContext: context,
      DestinationKeyId: keyB.KeyId,
    });
    expect(await fails(wrongSource)).toEqual(
      error400(
        "IncorrectKeyException",
        "The key ID in the request does not identify a CMK that can perform this operation.",
      ),
    );
  });
});

describe("key policies and tags through the SDK", () => {
  it("GetKeyPolicy gives AWS's default policy; PutKeyPolicy round-trips a policy byte for byte; ListKeyPolicies lists default", async () => {
    const initial = await kms.getKeyPolicy({ KeyId: keyA.KeyId, PolicyName: "default" });
    expect(initial.PolicyName).toBe("default");
    expect(JSON.parse(initial.Policy ?? "")).toMatchObject({
      Id: "key-default-1",
      Statement: [{ Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "kms:*" }],
    });
    const Policy = `{ "Statement": [ { "Effect": "Allow", "Principal": { "AWS": "*" }, "Action": "kms:Decrypt", "Resource": "*" } ] }`;
    await kms.putKeyPolicy({ KeyId: arnOf(keyA.KeyId), PolicyName: "default", Policy });
    expect((await kms.getKeyPolicy({ KeyId: keyA.KeyId })).Policy).toBe(Policy);
    expect(answer(await kms.listKeyPolicies({ KeyId: keyA.KeyId }))).toEqual({
      PolicyNames: ["default"],
      Truncated: false,
    });
    expect(await fails(kms.putKeyPolicy({ KeyId: keyA.KeyId, Policy: "{}" }))).toEqual(
      error400("MalformedPolicyDocumentException", "The key policy has no Statement."),
    );
    expect(await fails(kms.getKeyPolicy({ KeyId: "alias/source" }))).toEqual(aliasRefused);
  });

  it("TagResource sets tags in first-set order, ListResourceTags pages them, UntagResource removes them", async () => {
    const KeyId = keyB.KeyId;
    await kms.tagResource({
      KeyId,
      Tags: ["team", "env", "cost"].map((TagKey) => ({ TagKey, TagValue: `${TagKey}-1` })),
    });
    await kms.tagResource({ KeyId, Tags: [{ TagKey: "env", TagValue: "prod" }] });
    const first = await kms.listResourceTags({ KeyId, Limit: 2 });
    expect(first).toMatchObject({ Truncated: true, NextMarker: expect.any(String) });
    const rest = await kms.listResourceTags({ KeyId, Marker: first.NextMarker });
    expect(rest.Truncated).toBe(false);
    expect([...(first.Tags ?? []), ...(rest.Tags ?? [])]).toEqual([
      { TagKey: "team", TagValue: "team-1" },
      { TagKey: "env", TagValue: "prod" },
      { TagKey: "cost", TagValue: "cost-1" },
    ]);
    await kms.untagResource({ KeyId, TagKeys: ["team", "cost", "absent"] });
    const { Tags } = await kms.listResourceTags({ KeyId });
    expect(Tags).toEqual([{ TagKey: "env", TagValue: "prod" }]);
    const tag = (TagKey: string) =>
      fails(kms.tagResource({ KeyId, Tags: [{ TagKey, TagValue: "" }] }));
    expect(await tag("AWS:reserved")).toEqual(
      error400("TagException", "Tags beginning with aws: are reserved"),
    );
    expect(await fails(kms.listResourceTags({ KeyId: "alias/destination" }))).toEqual(aliasRefused);
  });
});
