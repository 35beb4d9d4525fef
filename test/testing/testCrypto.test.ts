import { createPublicKey, randomBytes } from "node:crypto";
import { addDays } from "date-fns";
import { describe, expect, it } from "vitest";
import { deriveKeyMaterialId } from "../../src/adapters/deriveKeyMaterialId.js";
import { memoryKeyStore } from "../../src/adapters/memoryKeyStore.js";
import { wrapKeyMaterial } from "../../src/client/wrapKeyMaterial.js";
import type { KeyArn } from "../../src/domain/keyArn.js";
import type { KeyId } from "../../src/domain/keyId.js";
import type { SupportedWrappingKeySpec } from "../../src/domain/wrappingTable.js";
import { createKms } from "../../src/service/createKms.js";
import { manualClock } from "../../src/testing/manualClock.js";
import { testCrypto } from "../../src/testing/testCrypto.js";
import { material } from "../support/kmsHarness.js";

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");

async function publicKeyOf(spec: SupportedWrappingKeySpec, crypto = testCrypto()) {
  return (await crypto.generateWrappingKeyPair(spec))._unsafeUnwrap().publicKey;
}

describe("testCrypto", () => {
  it("hands out the same RSA_2048 key pair for every parameter set, across instances", async () => {
    const first = await publicKeyOf("RSA_2048");

    expect(hex(await publicKeyOf("RSA_2048"))).toBe(hex(first));
    expect(hex(await publicKeyOf("RSA_2048", testCrypto({ rootKey: randomBytes(32) })))).toBe(
      hex(first),
    );
  });

  it("still seals the shared private key differently for each parameter set", async () => {
    const crypto = testCrypto();
    const one = (await crypto.generateWrappingKeyPair("RSA_2048"))._unsafeUnwrap();
    const two = (await crypto.generateWrappingKeyPair("RSA_2048"))._unsafeUnwrap();

    expect(hex(one.sealedPrivateKey)).not.toBe(hex(two.sealedPrivateKey));
  });

  it("uses one key pair per spec, with the modulus size of that spec", {
    timeout: 60_000,
  }, async () => {
    const specs = ["RSA_2048", "RSA_3072", "RSA_4096"] as const;
    const keys = await Promise.all(specs.map((spec) => publicKeyOf(spec)));
    const again = await Promise.all(specs.map((spec) => publicKeyOf(spec)));

    expect(
      keys.map(
        (key) =>
          createPublicKey({ key: Buffer.from(key), format: "der", type: "spki" })
            .asymmetricKeyDetails?.modulusLength,
      ),
    ).toEqual([2048, 3072, 4096]);
    expect(again.map(hex)).toEqual(keys.map(hex));
  });

  it("returns the same public key from GetParametersForImport for two keys of one KMS", async () => {
    const kms = createKms({ crypto: testCrypto() });
    const params = async () => {
      const KeyId = (await kms.createKey({ Origin: "EXTERNAL" }))._unsafeUnwrap().KeyMetadata.KeyId;
      return (
        await kms.getParametersForImport({
          KeyId,
          WrappingAlgorithm: "RSAES_OAEP_SHA_256",
          WrappingKeySpec: "RSA_2048",
        })
      )._unsafeUnwrap();
    };

    const [a, b] = [await params(), await params()];

    expect(hex(a.PublicKey)).toBe(hex(b.PublicKey));
    expect(hex(a.ImportToken)).not.toBe(hex(b.ImportToken));
  });

  it.each([
    "RSAES_OAEP_SHA_1",
    "RSAES_OAEP_SHA_256",
    "RSA_AES_KEY_WRAP_SHA_1",
    "RSA_AES_KEY_WRAP_SHA_256",
  ] as const)(
    "imports material that wrapKeyMaterial wrapped for %s through createKms, and the key becomes Enabled",
    async (WrappingAlgorithm) => {
      const clock = manualClock();
      const store = memoryKeyStore();
      const kms = createKms({ crypto: testCrypto(), clock, store });
      const created = (await kms.createKey({ Origin: "EXTERNAL" }))._unsafeUnwrap();
      const { KeyId, Arn } = created.KeyMetadata;
      const params = (
        await kms.getParametersForImport({ KeyId, WrappingAlgorithm, WrappingKeySpec: "RSA_2048" })
      )._unsafeUnwrap();
      const keyMaterial = material();

      const imported = await kms.importKeyMaterial({
        KeyId,
        ImportToken: params.ImportToken,
        EncryptedKeyMaterial: wrapKeyMaterial({
          publicKey: params.PublicKey,
          wrappingAlgorithm: WrappingAlgorithm,
          keyMaterial,
        })._unsafeUnwrap(),
        ValidTo: addDays(clock.now(), 30),
      });

      expect(imported._unsafeUnwrap().KeyMaterialId).toBe(
        deriveKeyMaterialId(KeyId as KeyId, keyMaterial),
      );
      expect((await kms.describeKey({ KeyId }))._unsafeUnwrap().KeyMetadata.KeyState).toBe(
        "Enabled",
      );
      const stored = (await store.get(Arn as KeyArn))._unsafeUnwrap();
      const serialized = Buffer.from(
        JSON.stringify(stored, (_, v) =>
          v instanceof Uint8Array ? Buffer.from(v).toString("hex") : v,
        ),
      );
      expect(serialized.indexOf(keyMaterial.toString("hex"))).toBe(-1);
    },
  );
});
