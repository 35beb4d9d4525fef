import { addDays } from "date-fns";
import fc from "fast-check";
import type { Result } from "neverthrow";
import { describe, expect, it } from "vitest";
import { wrapKeyMaterial } from "../../src/client/wrapKeyMaterial.js";
import type { KmsError, KmsErrorName } from "../../src/domain/kmsError.js";
import { expectError, kmsHarness } from "../support/kmsHarness.js";
import { materialPool } from "./materialPool.js";

type AfterExpiryStep =
  | { readonly kind: "describeKey" }
  | { readonly kind: "enableKey" }
  | { readonly kind: "disableKey" }
  | { readonly kind: "deleteImportedKeyMaterial" }
  | { readonly kind: "getParametersForImport" }
  | {
      readonly kind: "failedImport";
      readonly how:
        | "otherMaterial"
        | "garbageCiphertext"
        | "shortMaterial"
        | "validToNotAfterNow"
        | "replaySpentToken";
    }
  | { readonly kind: "advance"; readonly hours: number }
  | { readonly kind: "scheduleKeyDeletion"; readonly days: number }
  | { readonly kind: "cancelKeyDeletion" };

const afterExpiryStep: fc.Arbitrary<AfterExpiryStep> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      { kind: "describeKey" } as const,
      { kind: "enableKey" } as const,
      { kind: "disableKey" } as const,
      { kind: "deleteImportedKeyMaterial" } as const,
      { kind: "getParametersForImport" } as const,
      { kind: "cancelKeyDeletion" } as const,
    ),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("failedImport"),
      how: fc.constantFrom(
        "otherMaterial",
        "garbageCiphertext",
        "shortMaterial",
        "validToNotAfterNow",
        "replaySpentToken",
      ),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("advance"),
      hours: fc.oneof(fc.integer({ min: 1, max: 48 }), fc.integer({ min: 48, max: 24 * 40 })),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("scheduleKeyDeletion"),
      days: fc.integer({ min: 7, max: 30 }),
    }),
  },
);

/** What the key is after expiry, as far as this law can tell: no material in any case. */
type Model =
  | { readonly state: "PendingImport" }
  | { readonly state: "PendingDeletion"; readonly deletionDate: Date }
  | { readonly state: "Gone" };

describe("a key whose material expired (decisions 6, 7 and 13)", () => {
  it("once expired, a key stays PendingImport until a successful import", async () => {
    await fc.assert(
      fc.asyncProperty(
        materialPool,
        fc.integer({ min: 1, max: 30 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 72 }),
        fc.array(afterExpiryStep, { maxLength: 20 }),
        fc.option(fc.integer({ min: 1, max: 365 }), { nil: undefined }),
        async ([mine, other], validDays, disableFirst, overshootHours, steps, finalDays) => {
          if (mine === undefined || other === undefined)
            throw new Error("the pool has 3 materials");
          const h = kmsHarness();
          const { kms, clock } = h;
          const KeyId = await h.externalKey();
          const original = await h.wrapFor(KeyId, mine);
          const imported = await kms.importKeyMaterial({
            KeyId,
            ImportToken: original.ImportToken,
            EncryptedKeyMaterial: original.EncryptedKeyMaterial,
            ValidTo: addDays(clock.now(), validDays),
          });
          const materialId = imported._unsafeUnwrap().KeyMaterialId;
          // docs/decisions/0006-losing-material-means-pending-import.md: a deliberate disable does not survive expiry.
          if (disableFirst) expect(await kms.disableKey({ KeyId })).toBeOk();
          clock.advance({ days: validDays });
          clock.advance({ hours: overshootHours });

          let model: Model = { state: "PendingImport" };
          const expectState = async (context: string) => {
            const described = await kms.describeKey({ KeyId });
            if (model.state === "Gone") {
              expectError(described, "NotFoundException");
              return;
            }
            const metadata = described._unsafeUnwrap().KeyMetadata;
            expect(metadata.KeyState, context).toBe(model.state);
            expect(metadata.Enabled, context).toBe(false);
            expect(metadata.ValidTo, context).toBeUndefined();
            expect(metadata.CurrentKeyMaterialId, context).toBe(materialId);
            expect(metadata.DeletionDate, context).toEqual(
              model.state === "PendingDeletion" ? model.deletionDate : undefined,
            );
          };
          const expectOutcome = (
            result: Result<unknown, KmsError>,
            expected: KmsErrorName | "ok",
            context: string,
          ) => {
            expect(result.isOk() ? "ok" : result.error.name, context).toBe(expected);
          };
          /** The error every operation on the key gives in a state that refuses it. */
          const refusal = (whenPendingImport: KmsErrorName | "ok"): KmsErrorName | "ok" =>
            model.state === "Gone"
              ? "NotFoundException"
              : model.state === "PendingDeletion"
                ? "KMSInvalidStateException"
                : whenPendingImport;

          await expectState("right after expiry");
          for (const [i, step] of steps.entries()) {
            const context = `step ${i} ${JSON.stringify(step)} in ${model.state}`;
            const now = clock.now();
            switch (step.kind) {
              case "advance": {
                clock.advance({ hours: step.hours });
                if (model.state === "PendingDeletion" && model.deletionDate <= clock.now()) {
                  model = { state: "Gone" };
                }
                break;
              }
              case "describeKey":
                expectOutcome(
                  await kms.describeKey({ KeyId }),
                  model.state === "Gone" ? "NotFoundException" : "ok",
                  context,
                );
                break;
              case "enableKey":
                expectOutcome(
                  await kms.enableKey({ KeyId }),
                  refusal("KMSInvalidStateException"),
                  context,
                );
                break;
              case "disableKey":
                expectOutcome(
                  await kms.disableKey({ KeyId }),
                  refusal("KMSInvalidStateException"),
                  context,
                );
                break;
              case "deleteImportedKeyMaterial": {
                const deleted = await kms.deleteImportedKeyMaterial({ KeyId });
                expectOutcome(
                  deleted,
                  model.state === "Gone" ? "NotFoundException" : "ok",
                  context,
                );
                if (deleted.isOk()) expect(deleted.value.KeyMaterialId, context).toBe(materialId);
                break;
              }
              case "getParametersForImport":
                expectOutcome(
                  await kms.getParametersForImport({
                    KeyId,
                    WrappingAlgorithm: "RSAES_OAEP_SHA_256",
                    WrappingKeySpec: "RSA_2048",
                  }),
                  refusal("ok"),
                  context,
                );
                break;
              case "failedImport": {
                // A fresh parameter set where the key gives one; else the spent one of the first import.
                const material =
                  step.how === "otherMaterial"
                    ? other
                    : step.how === "shortMaterial"
                      ? mine.subarray(0, 31)
                      : mine;
                const wrapped =
                  model.state === "PendingImport" && step.how !== "replaySpentToken"
                    ? await h.wrapFor(KeyId, material)
                    : {
                        ImportToken: original.ImportToken,
                        EncryptedKeyMaterial: wrapKeyMaterial({
                          publicKey: original.params.PublicKey,
                          wrappingAlgorithm: "RSAES_OAEP_SHA_256",
                          keyMaterial: material,
                        })._unsafeUnwrap(),
                      };
                const result = await kms.importKeyMaterial({
                  KeyId,
                  ImportToken: wrapped.ImportToken,
                  EncryptedKeyMaterial:
                    step.how === "garbageCiphertext"
                      ? new Uint8Array(256).fill(7)
                      : wrapped.EncryptedKeyMaterial,
                  ValidTo: step.how === "validToNotAfterNow" ? now : addDays(now, 30),
                });
                const whenPendingImport = {
                  otherMaterial: "IncorrectKeyMaterialException",
                  garbageCiphertext: "InvalidCiphertextException",
                  shortMaterial: "IncorrectKeyMaterialException",
                  validToNotAfterNow: "ValidationException",
                  // The first import's token is spent, and 24 h old by the time the material expired.
                  replaySpentToken: "ExpiredImportTokenException",
                } as const satisfies Record<typeof step.how, KmsErrorName>;
                expectOutcome(
                  result,
                  step.how === "validToNotAfterNow"
                    ? "ValidationException"
                    : refusal(whenPendingImport[step.how]),
                  context,
                );
                break;
              }
              case "scheduleKeyDeletion": {
                const scheduled = await kms.scheduleKeyDeletion({
                  KeyId,
                  PendingWindowInDays: step.days,
                });
                expectOutcome(scheduled, refusal("ok"), context);
                if (scheduled.isOk()) {
                  const deletionDate = addDays(now, step.days);
                  expect(scheduled.value.DeletionDate, context).toEqual(deletionDate);
                  model = { state: "PendingDeletion", deletionDate };
                }
                break;
              }
              case "cancelKeyDeletion": {
                const cancelled = await kms.cancelKeyDeletion({ KeyId });
                expectOutcome(
                  cancelled,
                  model.state === "Gone"
                    ? "NotFoundException"
                    : model.state === "PendingImport"
                      ? "KMSInvalidStateException"
                      : "ok",
                  context,
                );
                // docs/decisions/0006-losing-material-means-pending-import.md: without material, a cancelled deletion goes back to PendingImport.
                if (cancelled.isOk()) model = { state: "PendingImport" };
                break;
              }
            }
            await expectState(`after ${context}`);
          }

          // The same material, with a fresh token where the key gives one, brings the key back.
          if (model.state === "PendingImport") {
            const reimported = await h.importMaterial(KeyId, mine, finalDays ?? "never");
            expect(reimported._unsafeUnwrap().KeyMaterialId).toBe(materialId);
            expect(await h.stateOf(KeyId)).toBe("Enabled");
          } else {
            const refused = await kms.importKeyMaterial({
              KeyId,
              ImportToken: original.ImportToken,
              EncryptedKeyMaterial: original.EncryptedKeyMaterial,
              ValidTo: addDays(clock.now(), 30),
            });
            expectOutcome(refused, refusal("ok"), "final import");
            await expectState("after the final import");
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
