import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ImportType } from "../../src/domain/requests/importKeyMaterial.js";
import { createKms } from "../../src/service/createKms.js";
import type { Kms } from "../../src/service/kms.js";
import { manualClock } from "../../src/testing/manualClock.js";
import { testCrypto } from "../../src/testing/testCrypto.js";
import { importRequest } from "../support/importMaterial.js";

// Law (docs/decisions/0030-rotation-of-imported-material.md): a ciphertext made under any
// material of a key decrypts while that material is present. A key of the current profile
// holds several materials; each ciphertext names the one it was made under, and Decrypt uses
// exactly that one and says which. The key is Enabled only while its current and every
// non-current material are imported, so once one is deleted every Decrypt is refused as pending
// import, and once it is imported again every ciphertext decrypts as before. A material pending
// rotation encrypted nothing: deleting it drops it and changes none of that.

/** One material of the key: its bytes, the plaintexts encrypted under it, whether it is deleted and whether it comes back. */
interface MaterialPlan {
  readonly bytes: Uint8Array;
  readonly plaintexts: readonly Uint8Array[];
  readonly deleted: boolean;
  readonly reimported: boolean;
}

const materialPlans: fc.Arbitrary<readonly MaterialPlan[]> = fc
  .uniqueArray(fc.uint8Array({ minLength: 32, maxLength: 32 }), {
    minLength: 1,
    maxLength: 4,
    selector: (bytes) => Buffer.from(bytes).toString("hex"),
  })
  .chain((materials) =>
    fc.tuple(
      ...materials.map((bytes) =>
        fc.record({
          bytes: fc.constant(bytes),
          plaintexts: fc.array(fc.uint8Array({ minLength: 1, maxLength: 64 }), {
            minLength: 1,
            maxLength: 3,
          }),
          deleted: fc.boolean(),
          reimported: fc.boolean(),
        }),
      ),
    ),
  );

async function importInto(kms: Kms, KeyId: string, bytes: Uint8Array, ImportType?: ImportType) {
  const request = await importRequest(kms, KeyId, bytes);
  const imported = await kms.importKeyMaterial({
    ...request,
    ...(ImportType === undefined ? {} : { ImportType }),
  });
  return imported._unsafeUnwrap().KeyMaterialId;
}

describe("material rotation (decision 30)", () => {
  it("a ciphertext made under any material of a key decrypts while that material is present", async () => {
    await fc.assert(
      fc.asyncProperty(materialPlans, fc.boolean(), async (plans, pendingDropped) => {
        // A material pending rotation, dropped before any rotation: one no plan has.
        const extra = new Uint8Array(32).fill(0xee);
        fc.pre(plans.every((plan) => Buffer.compare(plan.bytes, extra) !== 0));
        const kms = createKms({
          behaviour: "current",
          clock: manualClock(),
          crypto: testCrypto(),
        });
        const { KeyId } = (await kms.createKey({ Origin: "EXTERNAL" }))._unsafeUnwrap().KeyMetadata;
        const made: { blob: Uint8Array; plaintext: Uint8Array; material: number }[] = [];
        const ids: string[] = [];
        for (const [material, plan] of plans.entries()) {
          // The first material is the key's; each later one waits for the rotation that makes it current.
          ids.push(
            await importInto(
              kms,
              KeyId,
              plan.bytes,
              material === 0 ? undefined : "NEW_KEY_MATERIAL",
            ),
          );
          if (material > 0) (await kms.rotateKeyOnDemand({ KeyId }))._unsafeUnwrap();
          for (const plaintext of plan.plaintexts) {
            const { CiphertextBlob } = (
              await kms.encrypt({ KeyId, Plaintext: plaintext })
            )._unsafeUnwrap();
            made.push({ blob: CiphertextBlob, plaintext, material });
          }
        }
        if (pendingDropped) {
          const pending = await importInto(kms, KeyId, extra, "NEW_KEY_MATERIAL");
          const dropped = await kms.deleteImportedKeyMaterial({ KeyId, KeyMaterialId: pending });
          expect(dropped._unsafeUnwrap().KeyMaterialId).toBe(pending);
        }
        for (const [material, plan] of plans.entries()) {
          if (!plan.deleted) continue;
          const deleted = await kms.deleteImportedKeyMaterial({
            KeyId,
            KeyMaterialId: ids[material],
          });
          expect(deleted._unsafeUnwrap().KeyMaterialId).toBe(ids[material]);
        }
        for (const [material, plan] of plans.entries()) {
          if (plan.deleted && plan.reimported) {
            expect(await importInto(kms, KeyId, plan.bytes, "EXISTING_KEY_MATERIAL")).toBe(
              ids[material],
            );
          }
        }

        const allPresent = plans.every((plan) => !plan.deleted || plan.reimported);
        const state = (await kms.describeKey({ KeyId }))._unsafeUnwrap().KeyMetadata.KeyState;
        expect(state).toBe(allPresent ? "Enabled" : "PendingImport");
        for (const { blob, plaintext, material } of made) {
          const decrypted = await kms.decrypt({ CiphertextBlob: blob });
          if (allPresent) {
            const { Plaintext, KeyMaterialId } = decrypted._unsafeUnwrap();
            expect(Buffer.from(Plaintext)).toEqual(Buffer.from(plaintext));
            expect(KeyMaterialId).toBe(ids[material]);
          } else {
            expect(decrypted.isErr() && decrypted.error.name).toBe("KMSInvalidStateException");
            expect(decrypted.isErr() && decrypted.error.message).toMatch(/is pending import\.$/);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
