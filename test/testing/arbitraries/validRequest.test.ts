import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validRequest } from "../../../src/testing/arbitraries/validRequest.js";
import { manualClock } from "../../../src/testing/manualClock.js";
import {
  assertProduceCorrectValues,
  assertProduceSameValueGivenSameSeed,
  context,
  now,
  operations,
  verdict,
} from "./arbitraryAssertions.js";

describe("arbitraries.validRequest", () => {
  it.each(operations)("gives the same %s requests for the same seed", (operation) => {
    assertProduceSameValueGivenSameSeed(validRequest(operation, { now }), 3);
  });

  it.each(operations)("generates %s requests that pass the library's validator", (operation) => {
    assertProduceCorrectValues(validRequest(operation, { now }), (request) => {
      expect(verdict(operation, request)).toBe("ok");
    });
  });

  it("generates requests that validate in the account and Region given, and ARNs of there", () => {
    const scope = { accountId: "444455556666", region: "eu-west-2" };
    assertProduceCorrectValues(validRequest("DisableKey", { ...scope, now }), (request) => {
      expect(verdict("DisableKey", request, { scope, now })).toBe("ok");
      if (request.KeyId?.startsWith("arn:")) {
        expect(request.KeyId).toMatch(/^arn:aws:kms:eu-west-2:444455556666:key\//);
      }
    });
  });

  it("names keys with the keyId arbitrary it is given", () => {
    const keyId = fc.constant("1234abcd-12ab-34cd-56ef-1234567890ab");
    const ids = fc.sample(validRequest("Encrypt", { keyId }), 50).map((r) => r.KeyId);
    expect(new Set(ids)).toEqual(new Set(["1234abcd-12ab-34cd-56ef-1234567890ab"]));
  });

  it("generates ImportKeyMaterial requests valid at a manual clock's time when generated", () => {
    const clock = manualClock(now);
    const requests = validRequest("ImportKeyMaterial", { now: clock });
    clock.advance({ days: 1000 });
    assertProduceCorrectValues(requests, (request) => {
      expect(verdict("ImportKeyMaterial", request, { ...context, now: clock.now() })).toBe("ok");
    });
  });

  it("generates ImportKeyMaterial requests valid for a minute by the system clock by default", () => {
    assertProduceCorrectValues(validRequest("ImportKeyMaterial"), (request) => {
      const soon = new Date(Date.now() + 30_000);
      expect(verdict("ImportKeyMaterial", request, { ...context, now: soon })).toBe("ok");
    });
  });

  it("throws TypeError for an unknown operation or a malformed Region", () => {
    expect(() => validRequest("RotateKey" as "EnableKey")).toThrow(TypeError);
    expect(() => validRequest("EnableKey", { region: "mars" })).toThrow(TypeError);
  });
});
