import { generateKeyPairSync, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { nodeCrypto } from "../../src/adapters/nodeCrypto.js";
import { wrapKeyMaterial } from "../../src/client/wrapKeyMaterial.js";
import type { KeyArn } from "../../src/domain/keyArn.js";
import type { IdGenerator } from "../../src/ports/idGenerator.js";
import { testCrypto } from "../../src/testing/testCrypto.js";
import { expectError, type Harness, kmsHarness, material } from "../support/kmsHarness.js";

const never = { ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE" } as const;
const oaep256 = { WrappingAlgorithm: "RSAES_OAEP_SHA_256", WrappingKeySpec: "RSA_2048" } as const;

const importWith = (
  h: Harness,
  KeyId: string,
  ImportToken: Uint8Array,
  EncryptedKeyMaterial: Uint8Array,
) => h.kms.importKeyMaterial({ KeyId, ImportToken, EncryptedKeyMaterial, ...never });

const arnOf = (KeyId: string, region = "us-east-1", account = "111122223333") =>
  `arn:aws:kms:${region}:${account}:key/${KeyId}` as KeyArn;

/** The same sequence of IDs in every instance, so two KMSs name their keys and parameter sets alike. */
const sameIds = (): IdGenerator => {
  let n = 0;
  return { next: () => `1234abcd-12ab-34cd-56ef-${String(++n).padStart(12, "0")}` };
};

async function storedRecord(h: Harness, arn: KeyArn) {
  const row = (await h.store.get(arn))._unsafeUnwrap();
  if (row === undefined) throw new Error(`no record for ${arn}`);
  return row.record;
}

const wrap = (publicKey: Uint8Array, keyMaterial: Uint8Array) =>
  wrapKeyMaterial({
    publicKey,
    wrappingAlgorithm: "RSAES_OAEP_SHA_256",
    keyMaterial,
  })._unsafeUnwrap();

describe("importKeyMaterial", () => {
  it("spends the token on the first successful import, so a replay returns InvalidImportTokenException", async () => {
    const h = kmsHarness();
    const KeyId = await h.externalKey();
    const { ImportToken, EncryptedKeyMaterial } = await h.wrapFor(KeyId, material());
    expect(await importWith(h, KeyId, ImportToken, EncryptedKeyMaterial)).toBeOk();
    expectError(
      await importWith(h, KeyId, ImportToken, EncryptedKeyMaterial),
      "InvalidImportTokenException",
    );
  });

  it("refuses a captured import request replayed after DeleteImportedKeyMaterial", async () => {
    const h = kmsHarness();
    const KeyId = await h.externalKey();
    const { ImportToken, EncryptedKeyMaterial } = await h.wrapFor(KeyId, material());
    await importWith(h, KeyId, ImportToken, EncryptedKeyMaterial);
    await h.kms.deleteImportedKeyMaterial({ KeyId });
    expectError(
      await importWith(h, KeyId, ImportToken, EncryptedKeyMaterial),
      "InvalidImportTokenException",
    );
    expect(await h.stateOf(KeyId)).toBe("PendingImport");
  });

  it("does not spend the token on InvalidCiphertextException for material wrapped with another public key", async () => {
    const h = kmsHarness();
    const KeyId = await h.externalKey();
    const bytes = material();
    const { ImportToken, EncryptedKeyMaterial } = await h.wrapFor(KeyId, bytes);
    const foreign = generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({
      type: "spki",
      format: "der",
    });
    expectError(
      await importWith(h, KeyId, ImportToken, wrap(foreign, bytes)),
      "InvalidCiphertextException",
    );
    expect(await importWith(h, KeyId, ImportToken, EncryptedKeyMaterial)).toBeOk();
  });

  it("does not spend the token on IncorrectKeyMaterialException", async () => {
    const h = kmsHarness();
    const KeyId = await h.externalKey();
    const { ImportToken, params } = await h.wrapFor(KeyId, material());
    expectError(
      await importWith(h, KeyId, ImportToken, wrap(params.PublicKey, randomBytes(31))),
      "IncorrectKeyMaterialException",
    );
    expect(
      (await importWith(h, KeyId, ImportToken, wrap(params.PublicKey, material()))).isOk(),
    ).toBe(true);
  });

  it("returns InvalidCiphertextException for tampered EncryptedKeyMaterial", async () => {
    const h = kmsHarness();
    const KeyId = await h.externalKey();
    const { ImportToken, EncryptedKeyMaterial } = await h.wrapFor(KeyId, material());
    const tampered = Uint8Array.from(EncryptedKeyMaterial);
    tampered[10] = (tampered[10] ?? 0) ^ 1;
    expectError(await importWith(h, KeyId, ImportToken, tampered), "InvalidCiphertextException");
  });

  it("returns InvalidCiphertextException for material wrapped with another algorithm than requested", async () => {
    const h = kmsHarness();
    const KeyId = await h.externalKey();
    const { ImportToken, params } = await h.wrapFor(KeyId, material(), "RSAES_OAEP_SHA_1");
    expectError(
      await importWith(h, KeyId, ImportToken, wrap(params.PublicKey, material())),
      "InvalidCiphertextException",
    );
  });

  it("returns InvalidImportTokenException for a token of another key", async () => {
    const h = kmsHarness();
    const KeyId = await h.externalKey();
    const other = await h.wrapFor(await h.externalKey(), material());
    expectError(
      await importWith(h, KeyId, other.ImportToken, other.EncryptedKeyMaterial),
      "InvalidImportTokenException",
    );
    expect(await h.stateOf(KeyId)).toBe("PendingImport");
  });

  it("returns InvalidImportTokenException for a token issued by another KMS", async () => {
    const h = kmsHarness();
    const other = kmsHarness();
    const KeyId = await h.externalKey();
    const { EncryptedKeyMaterial } = await h.wrapFor(KeyId, material());
    const foreign = await other.wrapFor(await other.externalKey(), material());
    expectError(
      await importWith(h, KeyId, foreign.ImportToken, EncryptedKeyMaterial),
      "InvalidImportTokenException",
    );
  });

  it.each([
    ["garbage", () => randomBytes(200)],
    ["a single byte", () => Uint8Array.of(1)],
  ])("returns InvalidImportTokenException for a forged token (%s)", async (_, forge) => {
    const h = kmsHarness();
    const KeyId = await h.externalKey();
    const { EncryptedKeyMaterial } = await h.wrapFor(KeyId, material());
    expectError(
      await importWith(h, KeyId, forge(), EncryptedKeyMaterial),
      "InvalidImportTokenException",
    );
  });

  it("returns InvalidImportTokenException for a token with one flipped byte", async () => {
    const h = kmsHarness();
    const KeyId = await h.externalKey();
    const { ImportToken, EncryptedKeyMaterial } = await h.wrapFor(KeyId, material());
    for (const index of [0, 5, ImportToken.length - 1]) {
      const flipped = Uint8Array.from(ImportToken);
      flipped[index] = (flipped[index] ?? 0) ^ 0x80;
      expectError(
        await importWith(h, KeyId, flipped, EncryptedKeyMaterial),
        "InvalidImportTokenException",
      );
    }
    expect(await importWith(h, KeyId, ImportToken, EncryptedKeyMaterial)).toBeOk();
  });

  it("accepts a token 1 ms before 24 hours", async () => {
    const h = kmsHarness();
    const KeyId = await h.externalKey();
    const { ImportToken, EncryptedKeyMaterial } = await h.wrapFor(KeyId, material());
    h.clock.advance(24 * 60 * 60 * 1000 - 1);
    expect(await importWith(h, KeyId, ImportToken, EncryptedKeyMaterial)).toBeOk();
  });

  it.each([0, 1, 60_000])(
    "returns ExpiredImportTokenException %i ms after 24 hours",
    async (extra) => {
      const h = kmsHarness();
      const KeyId = await h.externalKey();
      const { ImportToken, EncryptedKeyMaterial } = await h.wrapFor(KeyId, material());
      h.clock.advance(24 * 60 * 60 * 1000 + extra);
      expectError(
        await importWith(h, KeyId, ImportToken, EncryptedKeyMaterial),
        "ExpiredImportTokenException",
      );
    },
  );

  it("drops the oldest of 11 parameter sets, and the second still works", async () => {
    const h = kmsHarness();
    const KeyId = await h.externalKey();
    const sets = [];
    for (let i = 0; i < 11; i++)
      sets.push((await h.kms.getParametersForImport({ KeyId, ...oaep256 }))._unsafeUnwrap());
    const bytes = material();
    const [first, second] = sets;
    if (first === undefined || second === undefined) throw new Error("no parameter sets");
    expectError(
      await importWith(h, KeyId, first.ImportToken, wrap(first.PublicKey, bytes)),
      "InvalidImportTokenException",
    );
    expect(
      (await importWith(h, KeyId, second.ImportToken, wrap(second.PublicKey, bytes))).isOk(),
    ).toBe(true);
  });

  it("returns InvalidCiphertextException when the public key and the token come from different responses", async () => {
    const h = kmsHarness({ crypto: nodeCrypto({ wrappingKeyPoolSize: 0 }) });
    const KeyId = await h.externalKey();
    const a = (await h.kms.getParametersForImport({ KeyId, ...oaep256 }))._unsafeUnwrap();
    const b = (await h.kms.getParametersForImport({ KeyId, ...oaep256 }))._unsafeUnwrap();
    expect(Buffer.from(a.PublicKey).equals(Buffer.from(b.PublicKey))).toBe(false);
    const bytes = material();
    expectError(
      await importWith(h, KeyId, b.ImportToken, wrap(a.PublicKey, bytes)),
      "InvalidCiphertextException",
    );
    expect(await importWith(h, KeyId, b.ImportToken, wrap(b.PublicKey, bytes))).toBeOk();
  });

  it.each([
    ["without its last byte", (token: Uint8Array) => token.subarray(0, token.length - 1)],
    ["without its first byte", (token: Uint8Array) => token.subarray(1)],
    ["cut in half", (token: Uint8Array) => token.subarray(0, Math.floor(token.length / 2))],
    ["cut to its first 8 bytes", (token: Uint8Array) => token.subarray(0, 8)],
    ["with a zero byte appended", (token: Uint8Array) => Buffer.concat([token, Uint8Array.of(0)])],
  ])(
    "returns InvalidImportTokenException for a token %s, and the whole token still imports",
    async (_, cut) => {
      const h = kmsHarness();
      const KeyId = await h.externalKey();
      const { ImportToken, EncryptedKeyMaterial } = await h.wrapFor(KeyId, material());
      const changed = cut(ImportToken);
      expect(changed.length).not.toBe(ImportToken.length);
      expectError(
        await importWith(h, KeyId, changed, EncryptedKeyMaterial),
        "InvalidImportTokenException",
      );
      expect(await importWith(h, KeyId, ImportToken, EncryptedKeyMaterial)).toBeOk();
    },
  );

  it("returns InvalidImportTokenException for bytes the same KMS sealed for another purpose (a wrapping private key, key material)", async () => {
    const h = kmsHarness();
    const KeyId = await h.externalKey();
    const { ImportToken, EncryptedKeyMaterial } = await h.wrapFor(KeyId, material());
    const other = await h.externalKey();
    await h.importMaterial(other, material());
    const [set] = (await storedRecord(h, arnOf(KeyId))).parameterSets;
    const otherRecord = await storedRecord(h, arnOf(other));
    if (set === undefined || otherRecord.keyState !== "Enabled") throw new Error("not prepared");

    for (const sealed of [set.sealedPrivateKey, otherRecord.material.sealed]) {
      expectError(
        await importWith(h, KeyId, sealed, EncryptedKeyMaterial),
        "InvalidImportTokenException",
      );
    }
    expect(await importWith(h, KeyId, ImportToken, EncryptedKeyMaterial)).toBeOk();
  });

  it.each([
    ["Region", { region: "eu-west-1" }, arnOf("1234abcd-12ab-34cd-56ef-000000000001", "eu-west-1")],
    [
      "account",
      { accountId: "444455556666" },
      arnOf("1234abcd-12ab-34cd-56ef-000000000001", "us-east-1", "444455556666"),
    ],
  ] as const)(
    "returns InvalidImportTokenException for a token of a key with the same key ID and parameter set ID in another %s under the same root key",
    async (_, where, otherArn) => {
      const rootKey = randomBytes(32);
      const home = kmsHarness({ crypto: testCrypto({ rootKey }), ids: sameIds() });
      const away = kmsHarness({ crypto: testCrypto({ rootKey }), ids: sameIds(), ...where });
      const KeyId = await home.externalKey();
      expect(await away.externalKey()).toBe(KeyId);
      const bytes = material();
      const fromHome = await home.wrapFor(KeyId, bytes);
      const fromAway = await away.wrapFor(KeyId, bytes);
      const [homeSet] = (await storedRecord(home, arnOf(KeyId))).parameterSets;
      const [awaySet] = (await storedRecord(away, otherArn)).parameterSets;
      expect(awaySet?.id).toBe(homeSet?.id);

      expectError(
        await importWith(away, KeyId, fromHome.ImportToken, fromHome.EncryptedKeyMaterial),
        "InvalidImportTokenException",
      );
      expect(
        (await importWith(away, KeyId, fromAway.ImportToken, fromAway.EncryptedKeyMaterial)).isOk(),
      ).toBe(true);
    },
  );
});
