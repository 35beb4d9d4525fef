import { describe, expect, it } from "vitest";
import type { KeyArn } from "../../src/domain/keyArn.js";
import type { CryptoProvider } from "../../src/ports/cryptoProvider.js";
import type { KeyStore } from "../../src/ports/keyStore.js";
import { testCrypto } from "../../src/testing/testCrypto.js";
import { arnOf, kmsHarness, material } from "../support/kmsHarness.js";

/** The test crypto, noting the sealed materials the service tells it to forget. */
function forgettingCrypto() {
  const inner = testCrypto();
  const forgotten: string[] = [];
  const crypto: CryptoProvider = {
    ...inner,
    forgetMaterial: (sealed) => {
      forgotten.push(Buffer.from(sealed).toString("hex"));
      inner.forgetMaterial?.(sealed);
    },
  };
  return { crypto, forgotten };
}

async function sealedMaterialOf(store: KeyStore, KeyId: string): Promise<string> {
  const stored = (await store.get(arnOf(KeyId) as KeyArn))._unsafeUnwrap();
  const record = stored?.record;
  if (record === undefined || record.keyState !== "Enabled") throw new Error("no material");
  return Buffer.from(record.material.sealed).toString("hex");
}

async function setUp() {
  const { crypto, forgotten } = forgettingCrypto();
  const h = kmsHarness({ crypto });
  const KeyId = await h.externalKey();
  (await h.importMaterial(KeyId, material(), 30))._unsafeUnwrap();
  const sealed = await sealedMaterialOf(h.store, KeyId);
  return { h, KeyId, sealed, forgotten };
}

describe("the crypto provider is told when key material leaves use", () => {
  it("is told nothing while the key encrypts and decrypts", async () => {
    const { h, KeyId, forgotten } = await setUp();
    const { CiphertextBlob } = (
      await h.kms.encrypt({ KeyId, Plaintext: new Uint8Array([1]) })
    )._unsafeUnwrap();
    (await h.kms.decrypt({ CiphertextBlob }))._unsafeUnwrap();
    expect(forgotten).toEqual([]);
  });

  it("forgets the material DeleteImportedKeyMaterial deletes", async () => {
    const { h, KeyId, sealed, forgotten } = await setUp();
    (await h.kms.deleteImportedKeyMaterial({ KeyId }))._unsafeUnwrap();
    expect(forgotten).toEqual([sealed]);
  });

  it("forgets the material the first read after ValidTo finds expired", async () => {
    const { h, KeyId, sealed, forgotten } = await setUp();
    h.clock.advance({ days: 31 });
    const refused = await h.kms.encrypt({ KeyId, Plaintext: new Uint8Array([1]) });
    expect(refused._unsafeUnwrapErr().name).toBe("KMSInvalidStateException");
    expect(forgotten).toEqual([sealed]);
  });

  it("forgets the material of a key scheduled for deletion", async () => {
    const { h, KeyId, sealed, forgotten } = await setUp();
    (await h.kms.scheduleKeyDeletion({ KeyId, PendingWindowInDays: 7 }))._unsafeUnwrap();
    expect(forgotten).toEqual([sealed]);
  });
});
