import { describe, expect, it } from "vitest";
import { daysAfter } from "../../src/domain/daysAfter.js";
import { arnOf, expectError, kmsHarness, start } from "../support/kmsHarness.js";

const aliasArn = (name: string) => `arn:aws:kms:us-east-1:111122223333:${name}`;

describe("aliases", () => {
  it("creates an alias that Encrypt, DescribeKey, GenerateDataKey and Decrypt accept by name and by ARN", async () => {
    const h = kmsHarness();
    const { KeyId } = await h.enabledKey();
    expect(await h.kms.createAlias({ AliasName: "alias/dev-key", TargetKeyId: KeyId })).toBeOk({});
    for (const reference of ["alias/dev-key", aliasArn("alias/dev-key")]) {
      const described = (await h.kms.describeKey({ KeyId: reference }))._unsafeUnwrap();
      expect(described.KeyMetadata.KeyId).toBe(KeyId);
      const encrypted = (
        await h.kms.encrypt({ KeyId: reference, Plaintext: new Uint8Array([1, 2, 3]) })
      )._unsafeUnwrap();
      expect(encrypted.KeyId).toBe(arnOf(KeyId));
      const decrypted = await h.kms.decrypt({
        CiphertextBlob: encrypted.CiphertextBlob,
        KeyId: reference,
      });
      expect([...decrypted._unsafeUnwrap().Plaintext]).toEqual([1, 2, 3]);
      expect(await h.kms.generateDataKey({ KeyId: reference, KeySpec: "AES_256" })).toBeOk();
    }
  });

  it("lists an alias with its ARN, bare target key ID and dates", async () => {
    const h = kmsHarness();
    const { KeyId } = await h.enabledKey();
    await h.kms.createAlias({ AliasName: "alias/b", TargetKeyId: arnOf(KeyId) });
    h.clock.advance(1000);
    await h.kms.createAlias({ AliasName: "alias/a", TargetKeyId: KeyId });
    const listed = (await h.kms.listAliases())._unsafeUnwrap();
    expect(listed).toEqual({
      Aliases: [
        {
          AliasName: "alias/a",
          AliasArn: aliasArn("alias/a"),
          TargetKeyId: KeyId,
          CreationDate: new Date(start.getTime() + 1000),
          LastUpdatedDate: new Date(start.getTime() + 1000),
        },
        {
          AliasName: "alias/b",
          AliasArn: aliasArn("alias/b"),
          TargetKeyId: KeyId,
          CreationDate: start,
          LastUpdatedDate: start,
        },
      ],
      Truncated: false,
    });
  });

  it("returns AlreadyExistsException for a name in use, naming the alias ARN", async () => {
    const h = kmsHarness();
    const { KeyId } = await h.enabledKey();
    await h.kms.createAlias({ AliasName: "alias/x", TargetKeyId: KeyId });
    const error = expectError(
      await h.kms.createAlias({ AliasName: "alias/x", TargetKeyId: KeyId }),
      "AlreadyExistsException",
    );
    expect(error.message).toBe(`An alias with the name ${aliasArn("alias/x")} already exists`);
  });

  it("lets exactly one of two concurrent CreateAlias of one name win", async () => {
    const h = kmsHarness();
    const first = (await h.enabledKey()).KeyId;
    const second = (await h.enabledKey()).KeyId;
    const results = await Promise.all([
      h.kms.createAlias({ AliasName: "alias/race", TargetKeyId: first }),
      h.kms.createAlias({ AliasName: "alias/race", TargetKeyId: second }),
    ]);
    expect(results.filter((r) => r.isOk())).toHaveLength(1);
    expect(results.find((r) => r.isErr())).toBeErr("AlreadyExistsException");
  });

  it.each([
    ["without the alias/ prefix", "dev-key", "ValidationException"],
    ["alias/ alone", "alias/", "InvalidAliasNameException"],
    ["the reserved alias/aws/ prefix", "alias/aws/s3", "InvalidAliasNameException"],
    ["a space", "alias/dev key", "ValidationException"],
    ["257 characters", `alias/${"k".repeat(251)}`, "ValidationException"],
  ] as const)("refuses a name %s with %s", async (_, AliasName, name) => {
    const h = kmsHarness();
    const { KeyId } = await h.enabledKey();
    expectError(await h.kms.createAlias({ AliasName, TargetKeyId: KeyId }), name);
    expect((await h.kms.listAliases())._unsafeUnwrap().Aliases).toEqual([]);
  });

  it("words the missing prefix as AWS does", async () => {
    const h = kmsHarness();
    const error = expectError(
      await h.kms.createAlias({ AliasName: "dev-key", TargetKeyId: (await h.enabledKey()).KeyId }),
      "ValidationException",
    );
    expect(error.message).toBe(
      'Alias must start with the prefix "alias/". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html',
    );
  });

  it("refuses an alias as TargetKeyId with InvalidArnException", async () => {
    const h = kmsHarness();
    const { KeyId } = await h.enabledKey();
    await h.kms.createAlias({ AliasName: "alias/one", TargetKeyId: KeyId });
    const error = expectError(
      await h.kms.createAlias({ AliasName: "alias/two", TargetKeyId: "alias/one" }),
      "InvalidArnException",
    );
    expect(error.message).toBe("Key Aliases are not supported for this operation.");
  });

  it.each([
    "getParametersForImport",
    "enableKey",
    "disableKey",
    "scheduleKeyDeletion",
    "cancelKeyDeletion",
    "deleteImportedKeyMaterial",
  ] as const)("refuses an existing alias in %s with InvalidArnException", async (op) => {
    const h = kmsHarness();
    const { KeyId } = await h.enabledKey();
    await h.kms.createAlias({ AliasName: "alias/one", TargetKeyId: KeyId });
    const request = {
      KeyId: "alias/one",
      WrappingAlgorithm: "RSAES_OAEP_SHA_256",
      WrappingKeySpec: "RSA_2048",
    } as const;
    expectError(await h.kms[op](request), "InvalidArnException");
  });

  it('answers NotFoundException "Alias … is not found." for an alias that does not exist', async () => {
    const h = kmsHarness();
    const error = expectError(
      await h.kms.encrypt({ KeyId: "alias/nope", Plaintext: new Uint8Array([1]) }),
      "NotFoundException",
    );
    expect(error.message).toBe(`Alias ${aliasArn("alias/nope")} is not found.`);
  });

  it("refuses CreateAlias for a key pending deletion, but keeps its aliases until it is deleted", async () => {
    const h = kmsHarness();
    const { KeyId } = await h.enabledKey();
    await h.kms.createAlias({ AliasName: "alias/kept", TargetKeyId: KeyId });
    await h.kms.scheduleKeyDeletion({ KeyId, PendingWindowInDays: 7 });
    const error = expectError(
      await h.kms.createAlias({ AliasName: "alias/new", TargetKeyId: KeyId }),
      "KMSInvalidStateException",
    );
    expect(error.message).toBe(`${arnOf(KeyId)} is pending deletion.`);
    expect((await h.kms.listAliases())._unsafeUnwrap().Aliases).toHaveLength(1);
    expectError(
      await h.kms.encrypt({ KeyId: "alias/kept", Plaintext: new Uint8Array([1]) }),
      "KMSInvalidStateException",
    );

    h.clock.set(daysAfter(start, 7));
    expect((await h.kms.listAliases())._unsafeUnwrap().Aliases).toEqual([]);
    expectError(await h.kms.describeKey({ KeyId: "alias/kept" }), "NotFoundException");
    expectError(await h.kms.deleteAlias({ AliasName: "alias/kept" }), "NotFoundException");
    const { KeyId: other } = await h.enabledKey();
    expect(await h.kms.createAlias({ AliasName: "alias/kept", TargetKeyId: other })).toBeOk();
  });

  it("moves an alias with UpdateAlias, keeping its creation date", async () => {
    const h = kmsHarness();
    const first = (await h.enabledKey()).KeyId;
    const second = (await h.enabledKey()).KeyId;
    await h.kms.createAlias({ AliasName: "alias/moving", TargetKeyId: first });
    h.clock.advance(5000);
    expect(await h.kms.updateAlias({ AliasName: "alias/moving", TargetKeyId: second })).toBeOk({});
    const [entry] = (await h.kms.listAliases({ KeyId: second }))._unsafeUnwrap().Aliases;
    expect(entry).toMatchObject({
      TargetKeyId: second,
      CreationDate: start,
      LastUpdatedDate: new Date(start.getTime() + 5000),
    });
    expect((await h.kms.listAliases({ KeyId: first }))._unsafeUnwrap().Aliases).toEqual([]);
  });

  it("refuses UpdateAlias of an alias that does not exist and to a key pending deletion", async () => {
    const h = kmsHarness();
    const first = (await h.enabledKey()).KeyId;
    const second = (await h.enabledKey()).KeyId;
    expectError(
      await h.kms.updateAlias({ AliasName: "alias/none", TargetKeyId: first }),
      "NotFoundException",
    );
    await h.kms.createAlias({ AliasName: "alias/a", TargetKeyId: first });
    await h.kms.scheduleKeyDeletion({ KeyId: second });
    expectError(
      await h.kms.updateAlias({ AliasName: "alias/a", TargetKeyId: second }),
      "KMSInvalidStateException",
    );
  });

  it("deletes an alias in any key state, leaving the key as it was", async () => {
    const h = kmsHarness();
    const KeyId = await h.externalKey();
    await h.kms.createAlias({ AliasName: "alias/pending", TargetKeyId: KeyId });
    expect(await h.kms.deleteAlias({ AliasName: "alias/pending" })).toBeOk({});
    expect(await h.stateOf(KeyId)).toBe("PendingImport");
    expectError(await h.kms.deleteAlias({ AliasName: "alias/pending" }), "NotFoundException");
  });

  it("refuses a 51st alias for one key with LimitExceededException", async () => {
    const h = kmsHarness();
    const { KeyId } = await h.enabledKey();
    for (let i = 0; i < 50; i += 1) {
      expect(await h.kms.createAlias({ AliasName: `alias/n${i}`, TargetKeyId: KeyId })).toBeOk();
    }
    expectError(
      await h.kms.createAlias({ AliasName: "alias/n50", TargetKeyId: KeyId }),
      "LimitExceededException",
    );
  });

  it("pages ListAliases with Limit and Marker, at most 100 per page", async () => {
    const h = kmsHarness();
    const keys = [
      (await h.enabledKey()).KeyId,
      (await h.enabledKey()).KeyId,
      (await h.enabledKey()).KeyId,
    ];
    for (let i = 0; i < 120; i += 1) {
      const TargetKeyId = keys[i % 3] ?? "";
      await h.kms.createAlias({ AliasName: `alias/p${String(i).padStart(3, "0")}`, TargetKeyId });
    }
    const first = (await h.kms.listAliases({ Limit: 1000 }))._unsafeUnwrap();
    expect(first.Aliases).toHaveLength(100);
    expect(first.Truncated).toBe(true);
    const rest = (
      await h.kms.listAliases({ Limit: 1000, Marker: first.NextMarker })
    )._unsafeUnwrap();
    expect(rest.Aliases.map((a) => a.AliasName).at(-1)).toBe("alias/p119");
    expect(rest).toMatchObject({ Truncated: false });
    expect((await h.kms.listAliases())._unsafeUnwrap().Aliases).toHaveLength(50);
    expectError(await h.kms.listAliases({ Marker: "forged" }), "InvalidMarkerException");
  });

  it("answers ListAliases for an unknown key with NotFoundException and for an alias with InvalidArnException", async () => {
    const h = kmsHarness();
    expectError(
      await h.kms.listAliases({ KeyId: "1234abcd-12ab-34cd-56ef-1234567890ab" }),
      "NotFoundException",
    );
    expectError(await h.kms.listAliases({ KeyId: "alias/x" }), "InvalidArnException");
  });

  it("answers Decrypt with IncorrectKeyException when its alias names another key", async () => {
    const h = kmsHarness();
    const first = (await h.enabledKey()).KeyId;
    const second = (await h.enabledKey()).KeyId;
    await h.kms.createAlias({ AliasName: "alias/second", TargetKeyId: second });
    const { CiphertextBlob } = (
      await h.kms.encrypt({ KeyId: first, Plaintext: new Uint8Array([7]) })
    )._unsafeUnwrap();
    expectError(
      await h.kms.decrypt({ CiphertextBlob, KeyId: "alias/second" }),
      "IncorrectKeyException",
    );
  });

  it("writes no key event for alias operations", async () => {
    const h = kmsHarness();
    const { KeyId } = await h.enabledKey();
    const before = h.audit.length;
    await h.kms.createAlias({ AliasName: "alias/quiet", TargetKeyId: KeyId });
    await h.kms.updateAlias({ AliasName: "alias/quiet", TargetKeyId: KeyId });
    await h.kms.deleteAlias({ AliasName: "alias/quiet" });
    expect(h.audit).toHaveLength(before);
  });
});
