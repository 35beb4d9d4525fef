import { describe, expect, it } from "vitest";
import { expectError, kmsHarness } from "../support/kmsHarness.js";

const defaultPolicy = `{
  "Version" : "2012-10-17",
  "Id" : "key-default-1",
  "Statement" : [ {
    "Sid" : "Enable IAM User Permissions",
    "Effect" : "Allow",
    "Principal" : {
      "AWS" : "arn:aws:iam::111122223333:root"
    },
    "Action" : "kms:*",
    "Resource" : "*"
  } ]
}`;

const policy = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { AWS: "*" }, Action: "kms:Decrypt", Resource: "*" }],
});

describe("key policies", () => {
  it("gives a new key AWS's default policy, laid out as AWS lays it out", async () => {
    const h = kmsHarness();
    const KeyId = await h.externalKey();
    expect(await h.kms.getKeyPolicy({ KeyId })).toBeOk({
      Policy: defaultPolicy,
      PolicyName: "default",
    });
    expect(await h.kms.listKeyPolicies({ KeyId })).toBeOk({
      PolicyNames: ["default"],
      Truncated: false,
    });
  });

  it("names the account of a China Region key in its default policy", async () => {
    const h = kmsHarness({ accountId: "444455556666", region: "cn-north-1" });
    const KeyId = await h.externalKey();
    expect((await h.kms.getKeyPolicy({ KeyId }))._unsafeUnwrap().Policy).toContain(
      '"AWS" : "arn:aws-cn:iam::444455556666:root"',
    );
  });

  it("returns CreateKey's Policy and then PutKeyPolicy's byte for byte", async () => {
    const h = kmsHarness();
    const { KeyMetadata } = (await h.kms.createKey({ Policy: policy }))._unsafeUnwrap();
    const KeyId = KeyMetadata.KeyId;
    expect(
      (await h.kms.getKeyPolicy({ KeyId, PolicyName: "default" }))._unsafeUnwrap().Policy,
    ).toBe(policy);
    const next = `${policy.slice(0, -1)}\n}`;
    expect(await h.kms.putKeyPolicy({ KeyId, Policy: next })).toBeOk({});
    expect((await h.kms.getKeyPolicy({ KeyId }))._unsafeUnwrap().Policy).toBe(next);
    expect(h.audit.at(-1)?.eventName).toBe("PutKeyPolicy");
  });

  it.each([
    ["not JSON", "{ nope", "MalformedPolicyDocumentException"],
    ["a JSON array", "[]", "MalformedPolicyDocumentException"],
    [
      "a statement without a principal",
      '{"Statement":[{"Effect":"Allow","Action":"kms:*"}]}',
      "MalformedPolicyDocumentException",
    ],
    [
      "over 32768 bytes",
      `{"Statement":{"Principal":"*","Sid":"${"é".repeat(16400)}"}}`,
      "LimitExceededException",
    ],
  ] as const)(
    "refuses a policy that is %s with %s and keeps the old one",
    async (_, Policy, name) => {
      const h = kmsHarness();
      const KeyId = await h.externalKey();
      expectError(await h.kms.putKeyPolicy({ KeyId, Policy }), name);
      expect((await h.kms.getKeyPolicy({ KeyId }))._unsafeUnwrap().Policy).toBe(defaultPolicy);
    },
  );

  it("answers NotFoundException for a policy name other than default", async () => {
    const h = kmsHarness();
    const KeyId = await h.externalKey();
    expectError(await h.kms.getKeyPolicy({ KeyId, PolicyName: "custom" }), "NotFoundException");
    expectError(
      await h.kms.putKeyPolicy({ KeyId, PolicyName: "custom", Policy: policy }),
      "NotFoundException",
    );
  });

  it("reads and replaces the policy of a key pending deletion", async () => {
    const h = kmsHarness();
    const { KeyId } = await h.enabledKey();
    await h.kms.scheduleKeyDeletion({ KeyId });
    expect(await h.kms.putKeyPolicy({ KeyId, Policy: policy })).toBeOk();
    expect((await h.kms.getKeyPolicy({ KeyId }))._unsafeUnwrap().Policy).toBe(policy);
  });

  it('refuses an alias with InvalidArnException "Key Aliases are not supported for this operation."', async () => {
    const h = kmsHarness();
    const { KeyId } = await h.enabledKey();
    await h.kms.createAlias({ AliasName: "alias/p", TargetKeyId: KeyId });
    const error = expectError(
      await h.kms.getKeyPolicy({ KeyId: "alias/p" }),
      "InvalidArnException",
    );
    expect(error.message).toBe("Key Aliases are not supported for this operation.");
  });

  it("enforces nothing: a policy that denies everything changes no answer", async () => {
    const h = kmsHarness();
    const { KeyId } = await h.enabledKey();
    const denyAll =
      '{"Statement":[{"Effect":"Deny","Principal":"*","Action":"kms:*","Resource":"*"}]}';
    await h.kms.putKeyPolicy({ KeyId, Policy: denyAll });
    expect(await h.kms.encrypt({ KeyId, Plaintext: new Uint8Array([1]) })).toBeOk();
  });
});
