import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { garbageRequest } from "../../../src/testing/arbitraries/garbageRequest.js";
import { garbageValue } from "../../../src/testing/arbitraries/garbageValue.js";
import { requestMembers } from "../../support/requestMembers.js";
import {
  assertProduceCorrectValues,
  assertProduceSameValueGivenSameSeed,
  now,
  operations,
  verdict,
} from "./arbitraryAssertions.js";

const typeOf = (value: unknown) =>
  value === null ? "null" : Array.isArray(value) ? "array" : typeof value;

describe("arbitraries.garbageValue", () => {
  it("gives the same values for the same seed", () => {
    assertProduceSameValueGivenSameSeed(garbageValue());
  });

  it("generates values of every JavaScript type, JSON or not", () => {
    const types = new Set(fc.sample(garbageValue(), { seed: 3, numRuns: 1000 }).map(typeOf));
    expect([...types].sort()).toEqual([
      "array",
      "bigint",
      "boolean",
      "function",
      "null",
      "number",
      "object",
      "string",
      "symbol",
      "undefined",
    ]);
  });
});

describe("arbitraries.garbageRequest", () => {
  it.each(operations)("gives the same %s requests for the same seed", (operation) => {
    assertProduceSameValueGivenSameSeed(garbageRequest(operation, { now }), 3);
  });

  it.each(operations)("promises the exact error the %s validator answers", (operation) => {
    assertProduceCorrectValues(
      garbageRequest(operation, { now }),
      ({ request, error, reason }) => {
        expect({ reason, answer: verdict(operation, request) }).toEqual({ reason, answer: error });
      },
      200,
    );
  });

  it.each(operations)(
    "puts garbage in every member of %s, and in the whole request",
    (operation) => {
      const garbage = fc.sample(garbageRequest(operation, { now }), { seed: 5, numRuns: 1000 });
      const targets = new Set(garbage.map(({ reason }) => reason.split(" ")[0]));
      expect([...targets].sort()).toEqual([...requestMembers[operation], "the"].sort());
    },
  );

  it("puts objects of the wrong content, not only other types, in map and list members", () => {
    const garbage = fc.sample(garbageRequest("Encrypt", { now }), { seed: 9, numRuns: 2000 });
    const typesIn = (member: string) =>
      new Set(
        garbage
          .filter(({ reason }) => reason.startsWith(`${member} is not`))
          .map(({ request }) => typeOf((request as Record<string, unknown>)[member])),
      );
    expect(typesIn("EncryptionContext")).toContain("object");
    expect(typesIn("GrantTokens")).toContain("array");
  });

  it("answers SerializationException for the wrong type and ValidationException for oversize", () => {
    const errors = fc.sample(garbageRequest("ImportKeyMaterial", { now }), 300).map((g) => g.error);
    expect(new Set(errors)).toEqual(new Set(["SerializationException", "ValidationException"]));
  });
});
