import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectError, kmsHarness } from "../support/kmsHarness.js";
import { materialPool, materialPoolSize } from "./materialPool.js";

type BindingStep =
  /** Imports pool material `material` with fresh parameters, expiring in `days` days or never. */
  | {
      readonly kind: "importKeyMaterial";
      readonly material: number;
      readonly days: number | undefined;
    }
  | { readonly kind: "advance"; readonly hours: number }
  | { readonly kind: "deleteImportedKeyMaterial" }
  | { readonly kind: "getParametersForImport" };

const bindingStep: fc.Arbitrary<BindingStep> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("importKeyMaterial"),
      material: fc.nat({ max: materialPoolSize - 1 }),
      days: fc.option(fc.integer({ min: 1, max: 365 }), { nil: undefined }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("advance"),
      hours: fc.oneof(fc.integer({ min: 1, max: 48 }), fc.integer({ min: 48, max: 24 * 400 })),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: "deleteImportedKeyMaterial" } as const) },
  { weight: 1, arbitrary: fc.constant({ kind: "getParametersForImport" } as const) },
);

describe("key material binding (decision 4)", () => {
  it("a key never accepts two different materials", async () => {
    await fc.assert(
      fc.asyncProperty(
        materialPool,
        fc.array(bindingStep, { minLength: 1, maxLength: 25 }),
        async (materials, steps) => {
          const h = kmsHarness();
          const KeyId = await h.externalKey();
          let bound: { readonly material: number; readonly id: string } | undefined;

          for (const [i, step] of steps.entries()) {
            const context = `step ${i} ${JSON.stringify(step)}, bound to ${bound?.material}`;
            switch (step.kind) {
              case "importKeyMaterial": {
                const material = materials[step.material];
                if (material === undefined) throw new Error("the pool has one material per index");
                const imported = await h.importMaterial(KeyId, material, step.days ?? "never");
                if (bound === undefined) {
                  bound = { material: step.material, id: imported._unsafeUnwrap().KeyMaterialId };
                } else if (step.material === bound.material) {
                  expect(imported._unsafeUnwrap().KeyMaterialId, context).toBe(bound.id);
                } else {
                  expectError(imported, "IncorrectKeyMaterialException");
                }
                break;
              }
              case "advance":
                h.clock.advance({ hours: step.hours });
                break;
              case "deleteImportedKeyMaterial": {
                const deleted = await h.kms.deleteImportedKeyMaterial({ KeyId });
                expect(deleted._unsafeUnwrap().KeyMaterialId, context).toBe(bound?.id);
                break;
              }
              case "getParametersForImport":
                expect(
                  (
                    await h.kms.getParametersForImport({
                      KeyId,
                      WrappingAlgorithm: "RSA_AES_KEY_WRAP_SHA_256",
                      WrappingKeySpec: "RSA_2048",
                    })
                  ).isOk(),
                  context,
                ).toBe(true);
                break;
            }
            const described = (await h.kms.describeKey({ KeyId }))._unsafeUnwrap().KeyMetadata;
            expect(described.CurrentKeyMaterialId, `after ${context}`).toBe(bound?.id);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
