import { describe, expect, it } from "vitest";
import { garbageRequest } from "../../../src/testing/arbitraries/garbageRequest.js";
import { invalidRequest } from "../../../src/testing/arbitraries/invalidRequest.js";
import { unusableKeyReference } from "../../../src/testing/arbitraries/unusableKeyReference.js";
import { validRequest } from "../../../src/testing/arbitraries/validRequest.js";
import {
  assertShrinkProducesSmallerValues,
  now,
  operations,
  serializedSize,
  shrunkCounterexample,
  verdict,
} from "./arbitraryAssertions.js";

describe("shrinking of the request arbitraries", () => {
  it.each(operations)("shrinks a failing %s request to one no larger", (operation) => {
    for (const arb of [validRequest(operation, { now }), invalidRequest(operation, { now })]) {
      const { original, shrunk } = shrunkCounterexample<unknown>(arb, () => true);
      expect(serializedSize(shrunk)).toBeLessThanOrEqual(serializedSize(original));
    }
  });

  it("never grows an invalid request while shrinking it, and makes some smaller", () => {
    assertShrinkProducesSmallerValues(invalidRequest("ImportKeyMaterial", { now }), (v) =>
      serializedSize(v.request),
    );
  });

  it("shrinks an ImportKeyMaterial request down to the member that fails the property", () => {
    const { shrunk } = shrunkCounterexample(
      validRequest("ImportKeyMaterial", { now }),
      (request) => request.KeyMaterialDescription !== undefined,
    );
    expect(shrunk.KeyMaterialDescription).toHaveLength(1);
    expect(shrunk.ImportToken).toHaveLength(1);
    expect(shrunk.EncryptedKeyMaterial).toHaveLength(1);
    expect(shrunk.ImportType).toBeUndefined();
    expect(shrunk.KeyMaterialId).toBeUndefined();
    expect(verdict("ImportKeyMaterial", shrunk)).toBe("ok");
  });

  it("shrinks a past ValidTo to exactly the time of the request, still refused", () => {
    const { shrunk } = shrunkCounterexample(
      invalidRequest("ImportKeyMaterial", { now }),
      ({ reason }) => reason === "ValidTo is not after the time of the request",
    );
    expect((shrunk.request as { ValidTo: Date }).ValidTo).toEqual(now);
    expect(verdict("ImportKeyMaterial", shrunk.request)).toBe(shrunk.error);
  });

  it("shrinks a foreign account to the smallest account number", () => {
    const { shrunk } = shrunkCounterexample(
      unusableKeyReference(),
      ({ error }) => error === "AccessDeniedException",
    );
    expect(shrunk.KeyId).toMatch(/^arn:aws:kms:us-east-1:000000000000:/);
  });

  it("shrinks an oversized KeyId to one character over the limit", () => {
    const { shrunk } = shrunkCounterexample(
      garbageRequest("EnableKey", { now }),
      ({ reason }) => reason === "KeyId is over its maximum of 2048",
    );
    expect((shrunk.request as { KeyId: string }).KeyId).toHaveLength(2049);
  });
});
