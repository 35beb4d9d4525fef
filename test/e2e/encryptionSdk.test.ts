import {
  buildClient,
  CommitmentPolicy,
  KmsKeyringNode,
  type KmsNodeClientSupplier,
} from "@aws-crypto/client-node";
import { KMS, KMSClient } from "@aws-sdk/client-kms";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemClock } from "../../src/adapters/systemClock.js";
import { type KmsEndpoint, localCredentials, startKmsEndpoint } from "../support/kmsEndpoint.js";
import { arnOf, sdkImports } from "./support/sdkImports.js";

// The AWS Encryption SDK for JavaScript (@aws-crypto/client-node 4.x, the last major that
// supports Node 20), a client nobody here wrote, against the local endpoint. Its KMS keyring
// talks to KMS through the aggregated `KMS` client of @aws-sdk/client-kms: it calls
// `kms.generateDataKey(...)`, `kms.encrypt(...)` and `kms.decrypt(...)`.

let endpoint: KmsEndpoint;
let kms: KMS;
/** Every KMS call the SDK made, as `Operation KeyId`, in order. */
const calls: string[] = [];
const { encrypt, decrypt } = buildClient(CommitmentPolicy.REQUIRE_ENCRYPT_REQUIRE_DECRYPT);
const aliasName = "alias/encryption-sdk";
const aliasArn = "arn:aws:kms:us-east-1:111122223333:alias/encryption-sdk";
const encryptionContext = { purpose: "encryption sdk test", tenant: "42" };
const message = "Hello from the AWS Encryption SDK";
let keyArn: string;
let otherKeyArn: string;

/**
 * A KMS keyring that sends every call to the endpoint through `client` (`kms` unless given), in
 * every Region. The cast is for `exactOptionalPropertyTypes`: the SDK's outputs have
 * `KeyId: string | undefined`, the Encryption SDK's interface `KeyId?: string`.
 */
const keyring = (
  names: { generatorKeyId: string } | { keyIds: string[] } | { discovery: true },
  client: object = kms,
) => new KmsKeyringNode({ ...names, clientProvider: (() => client) as KmsNodeClientSupplier });

beforeAll(async () => {
  endpoint = await startKmsEndpoint();
  kms = new KMS({ endpoint: endpoint.url, region: "us-east-1", credentials: localCredentials });
  kms.middlewareStack.add(
    (next, context) => (args) => {
      const { KeyId } = args.input as { KeyId?: string };
      calls.push(`${context.commandName?.replace(/Command$/, "")} ${KeyId}`);
      return next(args);
    },
    { step: "initialize", name: "recordCalls" },
  );
  // KMS extends KMSClient: the seed's import steps work through it as they are.
  const kit = sdkImports(kms, systemClock());
  keyArn = arnOf((await kit.importedKey()).KeyId);
  otherKeyArn = arnOf((await kit.importedKey()).KeyId);
  await kms.createAlias({ AliasName: aliasName, TargetKeyId: keyArn });
  calls.length = 0;
});

afterAll(async () => {
  kms.destroy();
  await endpoint.close();
});

/** Runs `step` and returns the KMS calls it made. */
async function callsOf(step: () => Promise<unknown>): Promise<string[]> {
  calls.length = 0;
  await step();
  return [...calls];
}

/** The SDK's error of a step that must fail. */
async function thrownBy(step: Promise<unknown>): Promise<Error> {
  try {
    await step;
  } catch (error) {
    if (error instanceof Error) return error;
    throw error;
  }
  throw new Error("The step succeeded; it should have failed.");
}

describe("the AWS Encryption SDK's KmsKeyringNode against the local endpoint", () => {
  let viaAlias: Buffer;

  it("a keyring whose generator is the alias ARN encrypts through GenerateDataKey on the alias; the message's one encrypted data key names the key ARN", async () => {
    const made = await callsOf(async () => {
      const { result, messageHeader } = await encrypt(
        keyring({ generatorKeyId: aliasArn }),
        message,
        {
          encryptionContext,
        },
      );
      viaAlias = result;
      expect(messageHeader.encryptedDataKeys).toHaveLength(1);
      expect(messageHeader.encryptedDataKeys[0]).toMatchObject({
        providerId: "aws-kms",
        providerInfo: keyArn,
      });
      expect(messageHeader.encryptionContext).toMatchObject(encryptionContext);
    });
    expect(made).toEqual([`GenerateDataKey ${aliasArn}`]);
    expect(viaAlias.includes(Buffer.from(message))).toBe(false);
  });

  it("a keyring on the key ARN decrypts that message with Decrypt on the key ARN, and gives back the plaintext and encryption context", async () => {
    const made = await callsOf(async () => {
      const { plaintext, messageHeader } = await decrypt(
        keyring({ generatorKeyId: keyArn }),
        viaAlias,
      );
      expect(plaintext.toString("utf8")).toBe(message);
      expect(messageHeader.encryptionContext).toMatchObject(encryptionContext);
    });
    expect(made).toEqual([`Decrypt ${keyArn}`]);
  });

  it("a keyring with the key ARN in keyIds, and a discovery keyring, decrypt it too", async () => {
    for (const names of [{ keyIds: [keyArn] }, { discovery: true as const }]) {
      const { plaintext } = await decrypt(keyring(names), viaAlias);
      expect(plaintext.toString("utf8")).toBe(message);
    }
  });

  it("a keyring on the alias ARN does not decrypt: the SDK matches encrypted data keys by key ARN only and calls no KMS operation", async () => {
    const made = await callsOf(async () => {
      const error = await thrownBy(decrypt(keyring({ generatorKeyId: aliasArn }), viaAlias));
      expect(error.message).toBe("unencryptedDataKey has not been set");
    });
    expect(made).toEqual([]);
  });

  it("a keyring whose generator is the key ARN encrypts and decrypts its own message", async () => {
    const onKey = keyring({ generatorKeyId: keyArn });
    const made = await callsOf(async () => {
      const { result } = await encrypt(onKey, message, { encryptionContext });
      const { plaintext } = await decrypt(onKey, result);
      expect(plaintext.toString("utf8")).toBe(message);
    });
    expect(made).toEqual([`GenerateDataKey ${keyArn}`, `Decrypt ${keyArn}`]);
  });

  it("an alias name works as the generator as well, and the message decrypts on the key ARN", async () => {
    const { result, messageHeader } = await encrypt(
      keyring({ generatorKeyId: aliasName }),
      message,
    );
    expect(messageHeader.encryptedDataKeys[0]?.providerInfo).toBe(keyArn);
    const { plaintext } = await decrypt(keyring({ keyIds: [keyArn] }), result);
    expect(plaintext.toString("utf8")).toBe(message);
  });

  it("a keyring naming a different key fails to decrypt, before any KMS call", async () => {
    const made = await callsOf(async () => {
      const error = await thrownBy(decrypt(keyring({ generatorKeyId: otherKeyArn }), viaAlias));
      expect(error.message).toBe("unencryptedDataKey has not been set");
    });
    expect(made).toEqual([]);
  });

  it("a bare KMSClient is no clientProvider for it: the SDK calls client.generateDataKey, which only KMS has", async () => {
    const bare = new KMSClient({
      endpoint: endpoint.url,
      region: "us-east-1",
      credentials: localCredentials,
    });
    const error = await thrownBy(encrypt(keyring({ generatorKeyId: keyArn }, bare), message));
    bare.destroy();
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe("client.generateDataKey is not a function");
  });

  it("the endpoint's errors reach the caller: after DisableKey, decrypt fails with the key's DisabledException", async () => {
    await kms.disableKey({ KeyId: keyArn });
    const error = await thrownBy(decrypt(keyring({ generatorKeyId: keyArn }), viaAlias));
    expect(error.message).toMatch(
      /^Unable to decrypt data key and one or more KMS CMKs had an error/,
    );
    expect(error.message).toContain(`DisabledException: ${keyArn} is disabled.`);
    await kms.enableKey({ KeyId: keyArn });
    expect(
      (await decrypt(keyring({ generatorKeyId: keyArn }), viaAlias)).plaintext.toString(),
    ).toBe(message);
  });
});
