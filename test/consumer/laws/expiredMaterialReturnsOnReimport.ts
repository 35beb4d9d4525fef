import { expect } from "vitest";
import type { ConsumerLaw } from "../support/consumerKit.js";
import { importMaterial } from "./importMaterial.js";

const dayMs = 24 * 60 * 60 * 1000;

/**
 * docs/decisions/0006-losing-material-means-pending-import.md and docs/decisions/0004-material-bound-forever.md through the public API with the kit's manual clock and test crypto: material that
 * is valid for d days stops Encrypt and Decrypt with KMSInvalidStateException once the clock
 * passes ValidTo, and reimporting the same material makes the old ciphertexts decrypt again.
 *
 * @example
 * ```ts
 * it(expiredMaterialReturnsOnReimport.name, () => expiredMaterialReturnsOnReimport.check(kit));
 * ```
 */
export const expiredMaterialReturnsOnReimport: ConsumerLaw = {
  name: "law: material past its ValidTo refuses Encrypt and Decrypt until the same material is reimported",
  check: async ({ kmsByok, testing, fc }) => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          material: fc.uint8Array({ minLength: 32, maxLength: 32 }),
          wrappingAlgorithm: fc.constantFrom(
            "RSAES_OAEP_SHA_1",
            "RSAES_OAEP_SHA_256",
            "RSA_AES_KEY_WRAP_SHA_1",
            "RSA_AES_KEY_WRAP_SHA_256",
          ),
          validForDays: fc.integer({ min: 1, max: 365 }),
          // docs/decisions/0006-losing-material-means-pending-import.md: expired from ValidTo itself on, so the boundary is always among the cases.
          pastValidToMs: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 400 * dayMs })),
          plaintext: fc.uint8Array({ minLength: 1, maxLength: 256 }),
        }),
        async ({ material, wrappingAlgorithm, validForDays, pastValidToMs, plaintext }) => {
          const clock = testing.manualClock();
          const kms = kmsByok.createKms({ crypto: testing.testCrypto(), clock });
          const created = await kms.createKey({ Origin: "EXTERNAL" });
          const keyId = created._unsafeUnwrap().KeyMetadata.KeyId;
          const validTo = new Date(clock.now().getTime() + validForDays * dayMs);
          const imported = await importMaterial({ kmsByok }, kms, {
            keyId,
            material,
            wrappingAlgorithm,
            validTo,
          });
          const { KeyMaterialId } = imported._unsafeUnwrap();
          const encrypted = await kms.encrypt({ KeyId: keyId, Plaintext: plaintext });
          const { CiphertextBlob } = encrypted._unsafeUnwrap();

          clock.advance({ days: validForDays });
          clock.advance(pastValidToMs);

          const refused = await kms.encrypt({ KeyId: keyId, Plaintext: plaintext });
          expect(refused._unsafeUnwrapErr().name).toBe("KMSInvalidStateException");
          const undecryptable = await kms.decrypt({ CiphertextBlob });
          expect(undecryptable._unsafeUnwrapErr().name).toBe("KMSInvalidStateException");

          const reimport = { keyId, material, wrappingAlgorithm, validTo: undefined };
          const reimported = await importMaterial({ kmsByok }, kms, reimport);
          expect(reimported._unsafeUnwrap().KeyMaterialId).toBe(KeyMaterialId);
          const decrypted = await kms.decrypt({ CiphertextBlob });
          expect(new Uint8Array(decrypted._unsafeUnwrap().Plaintext)).toEqual(plaintext);
        },
      ),
      { numRuns: 50 },
    );
  },
};
