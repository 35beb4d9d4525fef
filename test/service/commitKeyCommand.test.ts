import { errAsync, okAsync, ResultAsync } from "neverthrow";
import { describe, expect, it } from "vitest";
import { memoryKeyStore } from "../../src/adapters/memoryKeyStore.js";
import type { KeyCommand } from "../../src/domain/keyCommand.js";
import type { KeyId } from "../../src/domain/keyId.js";
import { kmsError } from "../../src/domain/kmsError.js";
import type { CryptoProvider } from "../../src/ports/cryptoProvider.js";
import type { KeyStore } from "../../src/ports/keyStore.js";
import { commitKeyCommand } from "../../src/service/commitKeyCommand.js";
import { createKms } from "../../src/service/createKms.js";
import { testCrypto } from "../../src/testing/testCrypto.js";
import { arnOf, expectError, kmsHarness, material, start } from "../support/kmsHarness.js";

/** A memory store whose next `conflicts` writes lose (after running `beforeLosing`, if any). */
function contestedStore() {
  const inner = memoryKeyStore();
  let conflicts = 0;
  let beforeLosing: (() => PromiseLike<unknown>) | undefined;
  let puts = 0;
  const store: KeyStore = {
    get: (arn) => inner.get(arn),
    list: (scope, page) => inner.list(scope, page),
    removeDeletedKeys: (now) => inner.removeDeletedKeys(now),
    getAlias: (scope, aliasName) => inner.getAlias(scope, aliasName),
    putAlias: (alias, expectedVersion) => inner.putAlias(alias, expectedVersion),
    deleteAlias: (scope, aliasName, expectedVersion) =>
      inner.deleteAlias(scope, aliasName, expectedVersion),
    listAliases: (scope, page, now) => inner.listAliases(scope, page, now),
    claimBehaviour: (scope, proposed) => inner.claimBehaviour(scope, proposed),
    put: (record, expectedVersion) => {
      puts++;
      if (beforeLosing !== undefined) {
        const race = beforeLosing;
        beforeLosing = undefined;
        return new ResultAsync(
          Promise.resolve(race()).then(() => inner.put(record, expectedVersion)),
        );
      }
      if (conflicts === 0) return inner.put(record, expectedVersion);
      conflicts--;
      return errAsync({ name: "WriteConflict", arn: record.arn } as const);
    },
  };
  return {
    store,
    inner,
    conflictNext: (n: number) => {
      conflicts = n;
      puts = 0;
    },
    raceNext: (write: () => PromiseLike<unknown>) => {
      beforeLosing = write;
    },
    puts: () => puts,
  };
}

async function setUp(maxWriteAttempts?: number) {
  const contested = contestedStore();
  const h = kmsHarness(
    maxWriteAttempts === undefined
      ? { store: contested.store }
      : { store: contested.store, maxWriteAttempts },
  );
  const KeyId = await h.externalKey();
  await h.importMaterial(KeyId, material());
  return { h, KeyId, ...contested };
}

describe("commitKeyCommand", () => {
  it.each([1, 4])("succeeds after %i conflicting writes when 5 attempts are allowed", async (n) => {
    const { h, KeyId, conflictNext, puts } = await setUp();
    const events = h.audit.length;
    conflictNext(n);
    expect(await h.kms.disableKey({ KeyId })).toBeOk();
    expect(puts()).toBe(n + 1);
    expect(await h.stateOf(KeyId)).toBe("Disabled");
    expect(h.audit.slice(events).map((e) => e.eventName)).toEqual(["DisableKey"]);
  });

  it("returns KMSInternalException and writes nothing when every attempt conflicts", async () => {
    const { h, KeyId, conflictNext, puts } = await setUp();
    const events = h.audit.length;
    conflictNext(5);
    const error = expectError(await h.kms.disableKey({ KeyId }), "KMSInternalException");
    expect(error.message).toBe(
      `${arnOf(KeyId)} was changed concurrently 5 times in a row; retry the request.`,
    );
    expect(puts()).toBe(5);
    expect(await h.stateOf(KeyId)).toBe("Enabled");
    expect(h.audit).toHaveLength(events);
  });

  it("tries only maxWriteAttempts times", async () => {
    const { h, KeyId, conflictNext, puts } = await setUp(2);
    conflictNext(2);
    expectError(await h.kms.enableKey({ KeyId }), "KMSInternalException");
    expect(puts()).toBe(2);
    conflictNext(1);
    expect(await h.kms.disableKey({ KeyId })).toBeOk();
  });

  it("creates no key when every CreateKey write conflicts", async () => {
    const contested = contestedStore();
    const h = kmsHarness({ store: contested.store });
    contested.conflictNext(5);
    expectError(await h.kms.createKey({ Origin: "EXTERNAL" }), "KMSInternalException");
    expect((await h.kms.listKeys())._unsafeUnwrap().Keys).toEqual([]);
    expect(h.audit).toEqual([]);
  });

  it("retries from a fresh read, so a concurrent ScheduleKeyDeletion wins over EnableKey", async () => {
    const { h, KeyId, inner, raceNext } = await setUp();
    await h.kms.disableKey({ KeyId });
    const rival = createKms({ store: inner, crypto: testCrypto(), clock: h.clock });
    raceNext(() => rival.scheduleKeyDeletion({ KeyId }).then((r) => r._unsafeUnwrap()));
    const error = expectError(await h.kms.enableKey({ KeyId }), "KMSInvalidStateException");
    expect(error.message).toBe(`${arnOf(KeyId)} is pending deletion.`);
  });

  it("generates one wrapping key pair for GetParametersForImport across retries", async () => {
    const contested = contestedStore();
    const crypto = testCrypto();
    let generated = 0;
    const counting: CryptoProvider = {
      ...crypto,
      generateWrappingKeyPair: (spec) => {
        generated++;
        return crypto.generateWrappingKeyPair(spec);
      },
    };
    const h = kmsHarness({ store: contested.store, crypto: counting });
    const KeyId = await h.externalKey();
    contested.conflictNext(3);
    const request = {
      KeyId,
      WrappingAlgorithm: "RSAES_OAEP_SHA_256",
      WrappingKeySpec: "RSA_2048",
    } as const;
    expect(await h.kms.getParametersForImport(request)).toBeOk();
    expect(generated).toBe(1);
  });

  it("writes nothing for a failed operation", async () => {
    const { h, KeyId, conflictNext, puts } = await setUp();
    conflictNext(0);
    expectError(await h.kms.cancelKeyDeletion({ KeyId }), "KMSInvalidStateException");
    const { ImportToken } = await h.wrapFor(KeyId, material());
    const bad = {
      KeyId,
      ImportToken,
      EncryptedKeyMaterial: Uint8Array.of(1, 2),
      ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE",
    } as const;
    const before = puts();
    expectError(await h.kms.importKeyMaterial(bad), "InvalidCiphertextException");
    expect(puts()).toBe(before);
  });

  it("returns a store error other than a conflict without retrying", async () => {
    const failing = kmsError("KMSInternalException", "disk full");
    let attempts = 0;
    const store: KeyStore = {
      ...memoryKeyStore(),
      put: () => {
        attempts++;
        return errAsync(failing);
      },
    };
    const keyId = "1234abcd-12ab-34cd-56ef-1234567890ab" as KeyId;
    const arn = arnOf(keyId);
    const ports = { store, audit: { record: () => {} }, crypto: {}, maxWriteAttempts: 5 };
    const command: KeyCommand = {
      type: "CreateKey",
      tags: [],
      arn,
      keyId,
      accountId: "111122223333",
      region: "us-east-1",
      description: "",
      origin: "EXTERNAL",
    };
    const result = await commitKeyCommand(ports, arn, start, () => okAsync(command));
    expect(result._unsafeUnwrapErr()).toBe(failing);
    expect(attempts).toBe(1);
  });
});
