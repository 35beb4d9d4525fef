import { createPrivateKey } from "node:crypto";
import { describe, expect, it } from "vitest";
import { arnOf, type Harness, kmsHarness, material } from "../support/kmsHarness.js";

/** Every byte array anywhere inside `value`. */
function blobsIn(value: unknown): Uint8Array[] {
  if (value instanceof Uint8Array) return [value];
  if (value === null || typeof value !== "object") return [];
  return Object.values(value).flatMap(blobsIn);
}

async function stored(h: Harness, KeyId: string) {
  const row = (await h.store.get(arnOf(KeyId)))._unsafeUnwrap();
  if (row === undefined) throw new Error(`no record for ${KeyId}`);
  return row.record;
}

const holds = (blob: Uint8Array, secret: Uint8Array) =>
  Buffer.from(blob).includes(Buffer.from(secret));

describe("importKeyMaterial", () => {
  it("stores the imported material only sealed", async () => {
    const h = kmsHarness();
    const KeyId = await h.externalKey();
    const bytes = material();
    await h.importMaterial(KeyId, bytes);
    const record = await stored(h, KeyId);
    expect(record.keyState === "Enabled" && record.material.sealed.byteLength).toBeGreaterThan(32);
    expect(blobsIn(record).some((blob) => holds(blob, bytes))).toBe(false);
    expect(JSON.stringify(record)).not.toContain(bytes.toString("hex"));
  });

  it("stores the wrapping private key of a parameter set only sealed", async () => {
    const h = kmsHarness();
    const KeyId = await h.externalKey();
    await h.wrapFor(KeyId, material());
    const [set] = (await stored(h, KeyId)).parameterSets;
    expect(set).toBeDefined();
    const sealed = Buffer.from(set?.sealedPrivateKey ?? []);
    expect(() => createPrivateKey({ key: sealed, format: "der", type: "pkcs8" })).toThrow();
  });

  it.each(["expiry", "DeleteImportedKeyMaterial"] as const)(
    "keeps only the KeyMaterialId after %s",
    async (how) => {
      const h = kmsHarness();
      const KeyId = await h.externalKey();
      const { KeyMaterialId } = (await h.importMaterial(KeyId, material(), 1))._unsafeUnwrap();
      if (how === "expiry") {
        h.clock.advance({ days: 1 });
        await h.kms.describeKey({ KeyId });
      } else {
        await h.kms.deleteImportedKeyMaterial({ KeyId });
      }
      const record = await stored(h, KeyId);
      expect(record).not.toHaveProperty("material");
      expect(record.boundMaterialId).toBe(KeyMaterialId);
      expect(blobsIn(record)).toEqual([]);
    },
  );
});
