import { CreateKeyCommand, DescribeKeyCommand, ListKeysCommand } from "@aws-sdk/client-kms";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testCrypto } from "../../src/testing/testCrypto.js";
import { type KmsEndpoint, sdkClient, startKmsEndpoint } from "../support/kmsEndpoint.js";

// The SDK signs with the machine's time, so this endpoint keeps the system clock.
const alice = {
  accessKeyId: "AKIDALICE",
  secretAccessKey: "alice-secret",
  accountId: "111111111111",
};
const bob = { accessKeyId: "AKIDBOB", secretAccessKey: "bob-secret", accountId: "222222222222" };

let endpoint: KmsEndpoint;

beforeAll(async () => {
  endpoint = await startKmsEndpoint({ credentials: [alice, bob], crypto: testCrypto() });
});

afterAll(() => endpoint.close());

async function createKeyAs(caller: typeof alice): Promise<{ KeyId: string; Arn: string }> {
  const { KeyMetadata } = await sdkClient(endpoint.url, caller).send(
    new CreateKeyCommand({ Origin: "EXTERNAL" }),
  );
  return { KeyId: KeyMetadata?.KeyId ?? "", Arn: KeyMetadata?.Arn ?? "" };
}

describe("a verified-mode endpoint with two accounts, called through @aws-sdk/client-kms", () => {
  it("creates a key in the account of the caller's access key", async () => {
    const { Arn } = await createKeyAs(alice);
    expect(Arn).toMatch(/^arn:aws:kms:us-east-1:111111111111:key\//);
  });

  it("lists to each caller only its own account's keys", async () => {
    const alices = await createKeyAs(alice);
    const bobs = await createKeyAs(bob);
    const listed = async (caller: typeof alice) =>
      ((await sdkClient(endpoint.url, caller).send(new ListKeysCommand({}))).Keys ?? []).map(
        (key) => key.KeyArn,
      );
    const aliceSees = await listed(alice);
    const bobSees = await listed(bob);
    expect(aliceSees).toContain(alices.Arn);
    expect(aliceSees).not.toContain(bobs.Arn);
    expect(bobSees).toEqual([bobs.Arn]);
    expect(aliceSees.every((arn) => arn?.includes(":111111111111:"))).toBe(true);
  });

  it("returns AccessDeniedException to a caller describing another account's key by ARN", async () => {
    const { Arn } = await createKeyAs(alice);
    await expect(
      sdkClient(endpoint.url, bob).send(new DescribeKeyCommand({ KeyId: Arn })),
    ).rejects.toMatchObject({ name: "AccessDeniedException" });
    const own = await sdkClient(endpoint.url, alice).send(new DescribeKeyCommand({ KeyId: Arn }));
    expect(own.KeyMetadata?.Arn).toBe(Arn);
  });

  it("returns NotFoundException to a caller naming another account's key by its key ID", async () => {
    const { KeyId } = await createKeyAs(alice);
    await expect(
      sdkClient(endpoint.url, bob).send(new DescribeKeyCommand({ KeyId })),
    ).rejects.toMatchObject({ name: "NotFoundException" });
  });

  it("refuses the SDK's requests with an unknown access key or a wrong secret", async () => {
    await expect(
      sdkClient(endpoint.url, { accessKeyId: "AKIDMALLORY", secretAccessKey: "x" }).send(
        new ListKeysCommand({}),
      ),
    ).rejects.toMatchObject({ name: "UnrecognizedClientException" });
    await expect(
      sdkClient(endpoint.url, { accessKeyId: alice.accessKeyId, secretAccessKey: "wrong" }).send(
        new ListKeysCommand({}),
      ),
    ).rejects.toMatchObject({ name: "InvalidSignatureException" });
  });
});
