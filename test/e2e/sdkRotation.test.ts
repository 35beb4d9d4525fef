import type { KMS } from "@aws-sdk/client-kms";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { manualClock } from "../../src/testing/manualClock.js";
import { type KmsEndpoint, sdkKms, startKmsEndpoint } from "../support/kmsEndpoint.js";
import { answer, error400, fails } from "./support/sdkAnswers.js";
import { arnOf, newMaterial, sdkImports } from "./support/sdkImports.js";

// Rotation of imported key material (docs/decisions/0030-rotation-of-imported-material.md)
// through @aws-sdk/client-kms against an endpoint started with the current behaviour profile,
// and RotateKeyOnDemand refused under the classic one.

const clock = manualClock(new Date("2026-03-01T12:00:00.000Z"));
let current: KmsEndpoint;
let classic: KmsEndpoint;
let kms: KMS;
let classicKms: KMS;

beforeAll(async () => {
  current = await startKmsEndpoint({ clock, behaviour: "current" });
  classic = await startKmsEndpoint({ clock });
  kms = sdkKms(current.url);
  classicKms = sdkKms(classic.url);
});

afterAll(async () => {
  kms.destroy();
  classicKms.destroy();
  await Promise.all([current.close(), classic.close()]);
});

describe("rotation of imported key material through the SDK", () => {
  it("new material imported with ImportType NEW_KEY_MATERIAL waits, RotateKeyOnDemand makes it current, and a ciphertext of the first material still decrypts", async () => {
    const kit = sdkImports(kms, clock);
    const first = await kit.importedKey();
    const KeyId = first.KeyId;
    const before = await kms.encrypt({ KeyId, Plaintext: new TextEncoder().encode("before") });

    const second = await kit.importMaterial(KeyId, await kit.parameters(KeyId), newMaterial(), {
      ImportType: "NEW_KEY_MATERIAL",
      KeyMaterialDescription: "second",
    });
    expect(second.KeyMaterialId).not.toBe(first.KeyMaterialId);
    expect((await kit.describe(KeyId)).CurrentKeyMaterialId).toBe(first.KeyMaterialId);

    expect(answer(await kms.rotateKeyOnDemand({ KeyId }))).toEqual({ KeyId: arnOf(KeyId) });
    expect((await kit.describe(KeyId)).CurrentKeyMaterialId).toBe(second.KeyMaterialId);

    const decrypted = await kms.decrypt({ CiphertextBlob: before.CiphertextBlob });
    expect(new TextDecoder().decode(decrypted.Plaintext)).toBe("before");
    expect(decrypted.KeyMaterialId).toBe(first.KeyMaterialId);
    const after = await kms.encrypt({ KeyId, Plaintext: new Uint8Array([1]) });
    const reread = await kms.decrypt({ CiphertextBlob: after.CiphertextBlob });
    expect(reread.KeyMaterialId).toBe(second.KeyMaterialId);

    const { Rotations } = await kms.listKeyRotations({
      KeyId,
      IncludeKeyMaterial: "ALL_KEY_MATERIAL",
    });
    expect(Rotations?.map((entry) => [entry.KeyMaterialId, entry.KeyMaterialState])).toEqual([
      [first.KeyMaterialId, "NON_CURRENT"],
      [second.KeyMaterialId, "CURRENT"],
    ]);
    expect(Rotations?.[1]).toMatchObject({
      RotationType: "ON_DEMAND",
      RotationDate: clock.now(),
      KeyMaterialDescription: "second",
      ImportState: "IMPORTED",
    });
  });

  it("RotateKeyOnDemand with no material pending rotation is KMSInvalidStateException", async () => {
    const { KeyId } = await sdkImports(kms, clock).importedKey();
    expect(await fails(kms.rotateKeyOnDemand({ KeyId }))).toEqual(
      error400(
        "KMSInvalidStateException",
        `No available key material pending rotation for the key: ${arnOf(KeyId)}.`,
      ),
    );
  });

  it("a second new material while one is pending rotation is KMSInvalidStateException", async () => {
    const kit = sdkImports(kms, clock);
    const { KeyId } = await kit.importedKey();
    const newOne = { ImportType: "NEW_KEY_MATERIAL" } as const;
    const pending = await kit.importMaterial(
      KeyId,
      await kit.parameters(KeyId),
      newMaterial(),
      newOne,
    );
    const refused = await fails(
      kit.importMaterial(KeyId, await kit.parameters(KeyId), newMaterial(), newOne),
    );
    expect(refused).toMatchObject({ name: "KMSInvalidStateException", status: 400 });
    expect(refused.message).toMatch(
      new RegExp(
        `^New key material \\(id: [0-9a-f]{64}\\) cannot be imported into KMS key ${arnOf(KeyId)}, because another key material \\(id: ${pending.KeyMaterialId}\\) is pending rotation\\.$`,
      ),
    );
  });

  it("the classic profile refuses RotateKeyOnDemand on an EXTERNAL key with UnsupportedOperationException", async () => {
    const { KeyId } = await sdkImports(classicKms, clock).importedKey();
    expect(await fails(classicKms.rotateKeyOnDemand({ KeyId }))).toEqual(
      error400(
        "UnsupportedOperationException",
        `${arnOf(KeyId)} origin is EXTERNAL which is not valid for this operation.`,
      ),
    );
  });
});
