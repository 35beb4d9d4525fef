import { randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { KmsErrorName } from "../../src/domain/kmsError.js";
import type { KmsOptions } from "../../src/service/kmsOptions.js";
import { storeSnapshot } from "../properties/storeSnapshot.js";
import { arnOf, expectError, type Harness, kmsHarness, material } from "../support/kmsHarness.js";

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");
/** Byte offsets in the ciphertext header: version ‖ key ID (16) ‖ key material ID (32). */
const keyIdBytes = { start: 1, end: 17 } as const;
const materialIdBytes = { start: 17, end: 49 } as const;

/** An EXTERNAL key holding `bytes` (fresh material by default) that does not expire. */
async function encrypted(
  h: Harness,
  KeyId: string,
  EncryptionContext?: Record<string, string>,
  Plaintext: Uint8Array = randomBytes(48),
) {
  const request = EncryptionContext === undefined ? {} : { EncryptionContext };
  const { CiphertextBlob } = (
    await h.kms.encrypt({ KeyId, Plaintext, ...request })
  )._unsafeUnwrap();
  return { CiphertextBlob, Plaintext };
}

/** Ids that hand out `first` once, then random UUIDs. */
function idsStartingWith(first: string): NonNullable<KmsOptions["ids"]> {
  let used = false;
  return {
    next: () => {
      if (used) return randomUUID();
      used = true;
      return first;
    },
  };
}

describe("decrypt", () => {
  it("returns a Plaintext with memory of its own, so its buffer never shows another caller's plaintext", async () => {
    const h = kmsHarness();
    const { KeyId } = await h.enabledKey();
    const secret = Buffer.from("TOP-SECRET-alice-0123456789");
    const alice = await encrypted(h, KeyId, {}, secret);
    const bob = await encrypted(h, KeyId, {}, Buffer.from("bob"));

    const forAlice = (
      await h.kms.decrypt({ CiphertextBlob: alice.CiphertextBlob })
    )._unsafeUnwrap();
    const forBob = (await h.kms.decrypt({ CiphertextBlob: bob.CiphertextBlob }))._unsafeUnwrap();

    expect(Buffer.from(forAlice.Plaintext)).toEqual(secret);
    expect(forBob.Plaintext.buffer.byteLength).toBe(3);
    expect(Buffer.from(forBob.Plaintext.buffer).includes(secret)).toBe(false);
  });

  it("returns the plaintext, the key ARN, SYMMETRIC_DEFAULT and the imported KeyMaterialId", async () => {
    const h = kmsHarness();
    const { KeyId, KeyMaterialId } = await h.enabledKey();
    const { CiphertextBlob, Plaintext } = await encrypted(h, KeyId, { purpose: "test" });
    const response = (
      await h.kms.decrypt({ CiphertextBlob, EncryptionContext: { purpose: "test" } })
    )._unsafeUnwrap();
    expect(Object.keys(response).sort()).toEqual([
      "EncryptionAlgorithm",
      "KeyId",
      "KeyMaterialId",
      "Plaintext",
    ]);
    expect(response.KeyId).toBe(arnOf(KeyId));
    expect(response.EncryptionAlgorithm).toBe("SYMMETRIC_DEFAULT");
    expect(response.KeyMaterialId).toBe(KeyMaterialId);
    expect(hex(response.Plaintext)).toBe(hex(Plaintext));
  });

  it.each([
    ["key ID", (KeyId: string) => KeyId],
    ["key ARN", arnOf],
  ])("decrypts when KeyId names the ciphertext's key by its %s", async (_, reference) => {
    const h = kmsHarness();
    const { KeyId } = await h.enabledKey();
    const { CiphertextBlob, Plaintext } = await encrypted(h, KeyId);
    const response = await h.kms.decrypt({ CiphertextBlob, KeyId: reference(KeyId) });
    expect(hex(response._unsafeUnwrap().Plaintext)).toBe(hex(Plaintext));
  });

  it("returns IncorrectKeyException when Decrypt names another key than the ciphertext's", async () => {
    const h = kmsHarness();
    const { KeyId } = await h.enabledKey();
    const other = await h.enabledKey();
    const { CiphertextBlob } = await encrypted(h, KeyId);
    const error = expectError(
      await h.kms.decrypt({ CiphertextBlob, KeyId: other.KeyId }),
      "IncorrectKeyException",
    );
    expect(error.message).toBe(
      "The key ID in the request does not identify a CMK that can perform this operation.",
    );
  });

  describe("encryption context", () => {
    const context = { tenant: "acme", purpose: "backup", ключ: "значение" };

    it("decrypts with the same pairs given in another order", async () => {
      const h = kmsHarness();
      const { KeyId } = await h.enabledKey();
      const { CiphertextBlob, Plaintext } = await encrypted(h, KeyId, context);
      const reversed = Object.fromEntries(Object.entries(context).reverse());
      expect(Object.keys(reversed)).not.toEqual(Object.keys(context));
      const response = await h.kms.decrypt({ CiphertextBlob, EncryptionContext: reversed });
      expect(hex(response._unsafeUnwrap().Plaintext)).toBe(hex(Plaintext));
    });

    it.each([
      ["a changed value", { ...context, tenant: "acme2" }],
      ["a missing pair", { tenant: "acme", purpose: "backup" }],
      ["an extra pair", { ...context, extra: "" }],
      ["a renamed key", { tenant: "acme", Purpose: "backup", ключ: "значение" }],
      ["no context at all", undefined],
    ])("returns InvalidCiphertextException for %s", async (_, EncryptionContext) => {
      const h = kmsHarness();
      const { KeyId } = await h.enabledKey();
      const { CiphertextBlob } = await encrypted(h, KeyId, context);
      const request = EncryptionContext === undefined ? {} : { EncryptionContext };
      expectError(
        await h.kms.decrypt({ CiphertextBlob, ...request }),
        "InvalidCiphertextException",
      );
    });

    it("returns InvalidCiphertextException for a context on a ciphertext made without one", async () => {
      const h = kmsHarness();
      const { KeyId } = await h.enabledKey();
      const { CiphertextBlob } = await encrypted(h, KeyId);
      expectError(
        await h.kms.decrypt({ CiphertextBlob, EncryptionContext: { a: "b" } }),
        "InvalidCiphertextException",
      );
    });

    it("treats an empty context as no context", async () => {
      const h = kmsHarness();
      const { KeyId } = await h.enabledKey();
      const { CiphertextBlob, Plaintext } = await encrypted(h, KeyId);
      const response = await h.kms.decrypt({ CiphertextBlob, EncryptionContext: {} });
      expect(hex(response._unsafeUnwrap().Plaintext)).toBe(hex(Plaintext));
    });

    it("binds a pair named __proto__ like any other (as JSON.parse gives it, an own member)", async () => {
      const h = kmsHarness();
      const { KeyId } = await h.enabledKey();
      const named = JSON.parse('{"__proto__": "x", "tenant": "acme"}') as Record<string, string>;
      const { CiphertextBlob, Plaintext } = await encrypted(h, KeyId, named);
      expectError(
        await h.kms.decrypt({ CiphertextBlob, EncryptionContext: { tenant: "acme" } }),
        "InvalidCiphertextException",
      );
      const same = JSON.parse('{"tenant": "acme", "__proto__": "x"}') as Record<string, string>;
      const response = await h.kms.decrypt({ CiphertextBlob, EncryptionContext: same });
      expect(hex(response._unsafeUnwrap().Plaintext)).toBe(hex(Plaintext));
    });

    it("tells apart pairs whose concatenations are equal", async () => {
      const h = kmsHarness();
      const { KeyId } = await h.enabledKey();
      const { CiphertextBlob } = await encrypted(h, KeyId, { a: "bc" });
      expectError(
        await h.kms.decrypt({ CiphertextBlob, EncryptionContext: { ab: "c" } }),
        "InvalidCiphertextException",
      );
      const split = await encrypted(h, KeyId, { a: "b", c: "d" });
      expectError(
        await h.kms.decrypt({
          CiphertextBlob: split.CiphertextBlob,
          EncryptionContext: { a: "bcd" },
        }),
        "InvalidCiphertextException",
      );
    });
  });

  describe("ciphertexts that are not this KMS's", () => {
    it.each([
      ["one zero byte", () => Uint8Array.of(0)],
      ["a header and nothing else", () => Uint8Array.of(1, ...randomBytes(48))],
      ["a format version 2", () => Uint8Array.of(2, ...randomBytes(100))],
      ["random bytes after a version 1 header", () => Uint8Array.of(1, ...randomBytes(100))],
      ["6144 zero bytes", () => new Uint8Array(6144)],
    ])("returns InvalidCiphertextException for %s", async (_, blob) => {
      const h = kmsHarness();
      await h.enabledKey();
      expectError(await h.kms.decrypt({ CiphertextBlob: blob() }), "InvalidCiphertextException");
    });

    it("returns InvalidCiphertextException for a ciphertext cut short", async () => {
      const h = kmsHarness();
      const { KeyId } = await h.enabledKey();
      const { CiphertextBlob } = await encrypted(h, KeyId);
      for (const length of [1, 49, 50, 49 + 28, CiphertextBlob.length - 1]) {
        expectError(
          await h.kms.decrypt({ CiphertextBlob: CiphertextBlob.subarray(0, length) }),
          "InvalidCiphertextException",
        );
      }
    });

    it("returns InvalidCiphertextException for a ciphertext whose key does not exist here", async () => {
      const elsewhere = kmsHarness();
      const { KeyId } = await elsewhere.enabledKey();
      const { CiphertextBlob } = await encrypted(elsewhere, KeyId);
      const h = kmsHarness();
      const error = expectError(
        await h.kms.decrypt({ CiphertextBlob }),
        "InvalidCiphertextException",
      );
      expect(error.message).toBe(
        "The ciphertext refers to a key that does not exist in this account and Region.",
      );
    });

    it("returns NotFoundException when the request itself names the key that does not exist here", async () => {
      const elsewhere = kmsHarness();
      const { KeyId } = await elsewhere.enabledKey();
      const { CiphertextBlob } = await encrypted(elsewhere, KeyId);
      const error = expectError(
        await kmsHarness().kms.decrypt({ CiphertextBlob, KeyId }),
        "NotFoundException",
      );
      expect(error.message).toBe(`Key '${arnOf(KeyId)}' does not exist`);
    });

    it("cannot be forged by another KMS with another root key whose key has the same ID", async () => {
      const KeyId = randomUUID();
      const original = kmsHarness({ ids: idsStartingWith(KeyId) });
      expect((await original.enabledKey()).KeyId).toBe(KeyId);
      const impostor = kmsHarness({ ids: idsStartingWith(KeyId) });
      expect((await impostor.enabledKey()).KeyId).toBe(KeyId);

      const genuine = await encrypted(original, KeyId);
      const forged = await encrypted(impostor, KeyId);
      expectError(
        await impostor.kms.decrypt({ CiphertextBlob: genuine.CiphertextBlob }),
        "InvalidCiphertextException",
      );
      expectError(
        await impostor.kms.decrypt({ CiphertextBlob: genuine.CiphertextBlob, KeyId }),
        "InvalidCiphertextException",
      );
      expectError(
        await original.kms.decrypt({ CiphertextBlob: forged.CiphertextBlob }),
        "InvalidCiphertextException",
      );
      // Each KMS still decrypts its own.
      const own = await original.kms.decrypt({ CiphertextBlob: genuine.CiphertextBlob });
      expect(hex(own._unsafeUnwrap().Plaintext)).toBe(hex(genuine.Plaintext));
    });

    it("cannot be forged by another KMS whose recreated key is an AWS_KMS key", async () => {
      const KeyId = randomUUID();
      const original = kmsHarness({ ids: idsStartingWith(KeyId) });
      await original.enabledKey();
      const impostor = kmsHarness({ ids: idsStartingWith(KeyId) });
      const created = (await impostor.kms.createKey({ Origin: "AWS_KMS" }))._unsafeUnwrap();
      expect(created.KeyMetadata.KeyId).toBe(KeyId);
      const { CiphertextBlob } = await encrypted(original, KeyId);
      expectError(await impostor.kms.decrypt({ CiphertextBlob }), "InvalidCiphertextException");
    });

    it("cannot be moved to another key holding the same material by rewriting its header", async () => {
      const h = kmsHarness();
      const bytes = material();
      const source = await h.enabledKey(bytes);
      const target = await h.enabledKey(bytes);
      const { CiphertextBlob } = await encrypted(h, source.KeyId);
      const moved = Uint8Array.from(CiphertextBlob);
      moved.set(Buffer.from(target.KeyId.replaceAll("-", ""), "hex"), keyIdBytes.start);
      moved.set(Buffer.from(target.KeyMaterialId, "hex"), materialIdBytes.start);
      expect(moved.subarray(keyIdBytes.start, materialIdBytes.end)).not.toEqual(
        CiphertextBlob.subarray(keyIdBytes.start, materialIdBytes.end),
      );
      expectError(await h.kms.decrypt({ CiphertextBlob: moved }), "InvalidCiphertextException");
      expectError(
        await h.kms.decrypt({ CiphertextBlob: moved, KeyId: target.KeyId }),
        "InvalidCiphertextException",
      );
    });
  });

  describe("key states (decision 14)", () => {
    it("returns DisabledException '<arn> is disabled.' for a Disabled key", async () => {
      const h = kmsHarness();
      const { KeyId } = await h.enabledKey();
      const { CiphertextBlob } = await encrypted(h, KeyId);
      await h.kms.disableKey({ KeyId });
      const error = expectError(await h.kms.decrypt({ CiphertextBlob }), "DisabledException");
      expect(error.message).toBe(`${arnOf(KeyId)} is disabled.`);
    });

    it("returns KMSInvalidStateException '<arn> is pending import.' after DeleteImportedKeyMaterial", async () => {
      const h = kmsHarness();
      const { KeyId } = await h.enabledKey();
      const { CiphertextBlob } = await encrypted(h, KeyId);
      await h.kms.deleteImportedKeyMaterial({ KeyId });
      const error = expectError(
        await h.kms.decrypt({ CiphertextBlob }),
        "KMSInvalidStateException",
      );
      expect(error.message).toBe(`${arnOf(KeyId)} is pending import.`);
    });

    it("returns KMSInvalidStateException '<arn> is pending deletion.' for a key pending deletion", async () => {
      const h = kmsHarness();
      const { KeyId } = await h.enabledKey();
      const { CiphertextBlob } = await encrypted(h, KeyId);
      await h.kms.scheduleKeyDeletion({ KeyId, PendingWindowInDays: 7 });
      const error = expectError(
        await h.kms.decrypt({ CiphertextBlob }),
        "KMSInvalidStateException",
      );
      expect(error.message).toBe(`${arnOf(KeyId)} is pending deletion.`);
    });

    it("decrypts earlier ciphertexts again after DeleteImportedKeyMaterial and reimport of the same material", async () => {
      const h = kmsHarness();
      const bytes = material();
      const { KeyId, KeyMaterialId } = await h.enabledKey(bytes);
      const { CiphertextBlob, Plaintext } = await encrypted(h, KeyId, { v: "1" });
      await h.kms.deleteImportedKeyMaterial({ KeyId });
      expectError(
        await h.kms.decrypt({ CiphertextBlob, EncryptionContext: { v: "1" } }),
        "KMSInvalidStateException",
      );
      (await h.importMaterial(KeyId, bytes, 30))._unsafeUnwrap();
      const response = (
        await h.kms.decrypt({ CiphertextBlob, EncryptionContext: { v: "1" } })
      )._unsafeUnwrap();
      expect(hex(response.Plaintext)).toBe(hex(Plaintext));
      expect(response.KeyMaterialId).toBe(KeyMaterialId);
    });

    it("decrypts earlier ciphertexts again after expiry and reimport of the same material", async () => {
      const h = kmsHarness();
      const bytes = material();
      const KeyId = await h.externalKey();
      (await h.importMaterial(KeyId, bytes, 2))._unsafeUnwrap();
      const { CiphertextBlob, Plaintext } = await encrypted(h, KeyId);
      h.clock.advance({ days: 3 });
      expectError(await h.kms.decrypt({ CiphertextBlob }), "KMSInvalidStateException");
      (await h.importMaterial(KeyId, bytes, "never"))._unsafeUnwrap();
      const response = await h.kms.decrypt({ CiphertextBlob });
      expect(hex(response._unsafeUnwrap().Plaintext)).toBe(hex(Plaintext));
    });
  });

  describe("DryRun", () => {
    it("returns DryRunOperationException, and no plaintext, for a DryRun that would succeed", async () => {
      const h = kmsHarness();
      const { KeyId } = await h.enabledKey();
      const { CiphertextBlob } = await encrypted(h, KeyId);
      const error = expectError(
        await h.kms.decrypt({ CiphertextBlob, DryRun: true }),
        "DryRunOperationException",
      );
      expect(error).toEqual({
        name: "DryRunOperationException",
        message: "The request would have succeeded, but the DryRun option is set.",
      });
    });

    it("returns InvalidCiphertextException for a DryRun with the wrong context", async () => {
      const h = kmsHarness();
      const { KeyId } = await h.enabledKey();
      const { CiphertextBlob } = await encrypted(h, KeyId, { a: "1" });
      expectError(
        await h.kms.decrypt({ CiphertextBlob, EncryptionContext: { a: "2" }, DryRun: true }),
        "InvalidCiphertextException",
      );
    });
  });

  it.each<[string, KmsErrorName]>([
    ["a wrong encryption context", "InvalidCiphertextException"],
    ["another key named", "IncorrectKeyException"],
    ["a Disabled key", "DisabledException"],
    ["a DryRun", "DryRunOperationException"],
    ["a garbage blob", "InvalidCiphertextException"],
  ])("leaves the store unchanged when it fails for %s", async (reason, name) => {
    const h = kmsHarness();
    const { KeyId } = await h.enabledKey();
    const other = await h.enabledKey();
    const { CiphertextBlob } = await encrypted(h, KeyId, { a: "1" });
    if (reason === "a Disabled key") await h.kms.disableKey({ KeyId });
    const request = {
      "a wrong encryption context": { CiphertextBlob, EncryptionContext: { a: "2" } },
      "another key named": { CiphertextBlob, EncryptionContext: { a: "1" }, KeyId: other.KeyId },
      "a Disabled key": { CiphertextBlob, EncryptionContext: { a: "1" } },
      "a DryRun": { CiphertextBlob, EncryptionContext: { a: "1" }, DryRun: true },
      "a garbage blob": { CiphertextBlob: Uint8Array.of(1, 2, 3) },
    }[reason];
    if (request === undefined) throw new Error(`no request for ${reason}`);
    const arns = [arnOf(KeyId), arnOf(other.KeyId)];
    const before = await storeSnapshot(h.store, arns);
    const audited = h.audit.length;
    expectError(await h.kms.decrypt(request), name);
    expect(await storeSnapshot(h.store, arns)).toBe(before);
    expect(h.audit).toHaveLength(audited);
  });

  it("writes the expiry it observed and audits it once, like Encrypt", async () => {
    const h = kmsHarness();
    const KeyId = await h.externalKey();
    (await h.importMaterial(KeyId, material(), 1))._unsafeUnwrap();
    const { CiphertextBlob } = await encrypted(h, KeyId);
    h.clock.advance({ days: 1 });
    const audited = h.audit.length;
    expectError(await h.kms.decrypt({ CiphertextBlob }), "KMSInvalidStateException");
    expectError(await h.kms.decrypt({ CiphertextBlob }), "KMSInvalidStateException");
    expect(h.audit.slice(audited).map((e) => e.eventName)).toEqual(["DeleteExpiredKeyMaterial"]);
    const stored = (await h.store.get(arnOf(KeyId)))._unsafeUnwrap()?.record;
    expect(stored?.keyState).toBe("PendingImport");
  });
});
