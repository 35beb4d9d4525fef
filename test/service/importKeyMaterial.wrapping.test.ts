import { createPublicKey } from "node:crypto";
import { describe, expect, it } from "vitest";
import type {
  SupportedWrappingAlgorithm,
  SupportedWrappingKeySpec,
} from "../../src/domain/wrappingTable.js";
import { kmsHarness, material } from "../support/kmsHarness.js";

const specs: SupportedWrappingKeySpec[] = ["RSA_2048", "RSA_3072", "RSA_4096"];
const algorithms: SupportedWrappingAlgorithm[] = [
  "RSAES_OAEP_SHA_1",
  "RSAES_OAEP_SHA_256",
  "RSA_AES_KEY_WRAP_SHA_1",
  "RSA_AES_KEY_WRAP_SHA_256",
];
const pairs = specs.flatMap((spec) => algorithms.map((algorithm) => [spec, algorithm] as const));
const bits = { RSA_2048: 2048, RSA_3072: 3072, RSA_4096: 4096 } as const;

describe("importKeyMaterial", () => {
  it.each(pairs)("imports material wrapped with a %s key and %s", async (spec, algorithm) => {
    const h = kmsHarness();
    const KeyId = await h.externalKey();
    const { ImportToken, EncryptedKeyMaterial, params } = await h.wrapFor(
      KeyId,
      material(),
      algorithm,
      spec,
    );
    const publicKey = createPublicKey({
      key: Buffer.from(params.PublicKey),
      format: "der",
      type: "spki",
    });
    expect(publicKey.asymmetricKeyDetails?.modulusLength).toBe(bits[spec]);
    const result = await h.kms.importKeyMaterial({
      KeyId,
      ImportToken,
      EncryptedKeyMaterial,
      ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE",
    });
    expect(result).toBeOk();
    expect(await h.stateOf(KeyId)).toBe("Enabled");
  });

  it("reimports the same material with another wrapping than the first import", async () => {
    const h = kmsHarness();
    const KeyId = await h.externalKey();
    const bytes = material();
    const ids = [];
    for (const [algorithm, spec] of [
      ["RSAES_OAEP_SHA_256", "RSA_2048"],
      ["RSA_AES_KEY_WRAP_SHA_1", "RSA_3072"],
    ] as const) {
      const { ImportToken, EncryptedKeyMaterial } = await h.wrapFor(KeyId, bytes, algorithm, spec);
      const request = {
        KeyId,
        ImportToken,
        EncryptedKeyMaterial,
        ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE",
      } as const;
      ids.push((await h.kms.importKeyMaterial(request))._unsafeUnwrap().KeyMaterialId);
    }
    expect(ids[0]).toBe(ids[1]);
  });
});
