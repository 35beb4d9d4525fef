import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ValidToKind, validTo } from "../../../src/testing/arbitraries/validTo.js";
import { manualClock } from "../../../src/testing/manualClock.js";
import {
  assertProduceCorrectValues,
  assertProduceSameValueGivenSameSeed,
  assertShrinkProducesSmallerValues,
  context,
  now,
  shrunkCounterexample,
  verdict,
} from "./arbitraryAssertions.js";

const day = 24 * 60 * 60 * 1000;
const request = {
  KeyId: "1234abcd-12ab-34cd-56ef-1234567890ab",
  ImportToken: new Uint8Array(1),
  EncryptedKeyMaterial: new Uint8Array(1),
};

/** What ImportKeyMaterial's validator says of these expiry members at `at`. */
const verdictAt = (members: object, at: Date = now) =>
  verdict("ImportKeyMaterial", { ...request, ...members }, { scope: context.scope, now: at });

const kinds: readonly [ValidToKind, string][] = [
  ["valid", "ok"],
  ["doesNotExpire", "ok"],
  ["missing", "ValidationException"],
  ["past", "ValidationException"],
  ["tooFar", "ValidationException"],
  ["doesNotExpireWithValidTo", "ValidationException"],
];

describe("arbitraries.validTo", () => {
  it("gives the same values for the same seed, with a Date or a manual clock", () => {
    assertProduceSameValueGivenSameSeed(validTo({ now, kind: kinds.map(([k]) => k) }), 3);
    assertProduceSameValueGivenSameSeed(validTo({ now: manualClock(now), kind: "past" }), 3);
  });

  it.each(kinds)(
    "generates %s expiry members that the validator answers with %s",
    (kind, expected) => {
      assertProduceCorrectValues(
        validTo({ now, kind }),
        (members) => verdictAt(members) === expected,
      );
    },
  );

  it("generates the two valid kinds by default", () => {
    assertProduceCorrectValues(validTo({ now }), (members) => verdictAt(members) === "ok");
    const models = fc.sample(validTo({ now }), 100).map((m) => m.ExpirationModel ?? "absent");
    expect(new Set(models)).toEqual(
      new Set(["absent", "KEY_MATERIAL_EXPIRES", "KEY_MATERIAL_DOES_NOT_EXPIRE"]),
    );
  });

  it("reads the clock when it generates a value", () => {
    const clock = manualClock(now);
    const arb = validTo({ now: clock, kind: "valid" });
    clock.advance({ days: 400 });
    assertProduceCorrectValues(arb, ({ ValidTo }) => {
      expect(verdictAt({ ValidTo }, clock.now())).toBe("ok");
      expect(verdictAt({ ValidTo }, now)).toBe("ValidationException");
    });
  });

  it("keeps values a margin inside or outside the bounds", () => {
    const margin = 5 * 60 * 1000;
    const shifted = (members: object, expected: string) =>
      [-margin, margin].every((d) => verdictAt(members, new Date(now.getTime() + d)) === expected);
    assertProduceCorrectValues(validTo({ now, margin, kind: "valid" }), (m) => shifted(m, "ok"));
    assertProduceCorrectValues(validTo({ now, margin, kind: ["past", "tooFar"] }), (m) =>
      shifted(m, "ValidationException"),
    );
  });

  it("shrinks ValidTo towards the bound each kind tests", () => {
    const distance = ({ ValidTo }: { ValidTo?: Date }) =>
      Math.abs((ValidTo ?? now).getTime() - now.getTime());
    for (const kind of ["valid", "past", "tooFar"] as const) {
      assertShrinkProducesSmallerValues(validTo({ now, kind }), distance);
    }
    const shrunkTo = (kind: ValidToKind) =>
      shrunkCounterexample(validTo({ now, kind }), () => true).shrunk.ValidTo?.getTime();
    expect(shrunkTo("valid")).toBe(now.getTime() + 1);
    expect(shrunkTo("past")).toBe(now.getTime());
    expect(shrunkTo("tooFar")).toBe(now.getTime() + 365 * day + 1);
  });

  it("throws for an invalid Date, no kinds or a negative margin", () => {
    expect(() => validTo({ now: new Date(Number.NaN) })).toThrow(TypeError);
    expect(() => validTo({ now, kind: [] })).toThrow(RangeError);
    expect(() => validTo({ now, margin: -1 })).toThrow(RangeError);
  });
});
