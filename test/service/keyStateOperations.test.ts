import { describe, expect, it } from "vitest";
import {
  arnOf,
  expectError,
  type Harness,
  kmsHarness,
  material,
  start,
} from "../support/kmsHarness.js";

const operations = ["enableKey", "disableKey"] as const;

async function enabledKey(h: Harness) {
  const KeyId = await h.externalKey();
  await h.importMaterial(KeyId, material());
  return KeyId;
}

describe("keyStateOperations", () => {
  it("disables an Enabled key and enables it again, answering {}", async () => {
    const h = kmsHarness();
    const KeyId = await enabledKey(h);
    expect((await h.kms.disableKey({ KeyId }))._unsafeUnwrap()).toEqual({});
    expect(await h.stateOf(KeyId)).toBe("Disabled");
    expect(h.audit.at(-1)).toMatchObject({
      eventName: "DisableKey",
      keyArn: arnOf(KeyId),
      eventTime: start,
      keyState: "Disabled",
    });
    expect((await h.kms.enableKey({ KeyId: arnOf(KeyId) }))._unsafeUnwrap()).toEqual({});
    expect(await h.stateOf(KeyId)).toBe("Enabled");
  });

  it("enables an already Enabled key and disables an already Disabled key", async () => {
    const h = kmsHarness();
    const KeyId = await enabledKey(h);
    expect(await h.kms.enableKey({ KeyId })).toBeOk();
    await h.kms.disableKey({ KeyId });
    expect(await h.kms.disableKey({ KeyId })).toBeOk();
    expect(await h.stateOf(KeyId)).toBe("Disabled");
  });

  it("disables and enables an AWS_KMS key", async () => {
    const h = kmsHarness();
    const { KeyId } = (await h.kms.createKey())._unsafeUnwrap().KeyMetadata;
    await h.kms.disableKey({ KeyId });
    expect(await h.stateOf(KeyId)).toBe("Disabled");
    await h.kms.enableKey({ KeyId });
    expect(await h.stateOf(KeyId)).toBe("Enabled");
  });

  it.each(operations)(
    'returns KMSInvalidStateException "… is pending import." for %s on a new key',
    async (op) => {
      const h = kmsHarness();
      const KeyId = await h.externalKey();
      const error = expectError(await h.kms[op]({ KeyId }), "KMSInvalidStateException");
      expect(error.message).toBe(`${arnOf(KeyId)} is pending import.`);
      expect(h.audit.map((e) => e.eventName)).toEqual(["CreateKey"]);
    },
  );

  it.each(operations)(
    'returns KMSInvalidStateException "… is pending import." for %s after expiry',
    async (op) => {
      const h = kmsHarness();
      const KeyId = await enabledKey(h);
      h.clock.advance({ days: 30 });
      const error = expectError(await h.kms[op]({ KeyId }), "KMSInvalidStateException");
      expect(error.message).toBe(`${arnOf(KeyId)} is pending import.`);
    },
  );

  it.each(operations)(
    'returns KMSInvalidStateException "… is pending deletion." for %s',
    async (op) => {
      const h = kmsHarness();
      const KeyId = await enabledKey(h);
      await h.kms.scheduleKeyDeletion({ KeyId });
      const error = expectError(await h.kms[op]({ KeyId }), "KMSInvalidStateException");
      expect(error.message).toBe(`${arnOf(KeyId)} is pending deletion.`);
      expect(await h.stateOf(KeyId)).toBe("PendingDeletion");
    },
  );

  it.each(operations)("returns InvalidArnException for %s with an alias", async (op) => {
    const error = expectError(
      await kmsHarness().kms[op]({ KeyId: "alias/x" }),
      "InvalidArnException",
    );
    expect(error.message).toBe("Key Aliases are not supported for this operation.");
  });

  it.each(operations)(
    "returns NotFoundException for %s on a key that does not exist",
    async (op) => {
      const KeyId = "00000000-0000-4000-8000-000000000000";
      const error = expectError(await kmsHarness().kms[op]({ KeyId }), "NotFoundException");
      expect(error.message).toBe(`Key '${arnOf(KeyId)}' does not exist`);
    },
  );
});
