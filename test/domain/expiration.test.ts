import { addDays } from "date-fns";
import { describe, expect, it } from "vitest";
import { maxValidToDays, resolveExpiration } from "../../src/domain/expiration.js";
import { expectError } from "../support/kmsHarness.js";
import { now } from "./keyRecords.js";

const dayMs = 24 * 60 * 60 * 1000;

describe("resolveExpiration", () => {
  it("allows ValidTo at most 365 days ahead", () => {
    expect(maxValidToDays).toBe(365);
  });

  it("defaults to KEY_MATERIAL_EXPIRES and returns ValidTo", () => {
    const validTo = addDays(now, 30);
    expect(resolveExpiration(undefined, validTo, now)._unsafeUnwrap()).toEqual(validTo);
  });

  it("returns undefined for KEY_MATERIAL_DOES_NOT_EXPIRE without ValidTo", () => {
    expect(resolveExpiration("KEY_MATERIAL_DOES_NOT_EXPIRE", undefined, now)._unsafeUnwrap()).toBe(
      undefined,
    );
  });

  it.each([undefined, "KEY_MATERIAL_EXPIRES"] as const)(
    "returns ValidationException when ValidTo is missing and ExpirationModel is %s",
    (model) => {
      const error = expectError(resolveExpiration(model, undefined, now), "ValidationException");
      expect(error.message).toBe(
        "A validTo date must be set if the ExpirationModel is KEY_MATERIAL_EXPIRES",
      );
    },
  );

  it("returns ValidationException when ValidTo is set with KEY_MATERIAL_DOES_NOT_EXPIRE", () => {
    expectError(
      resolveExpiration("KEY_MATERIAL_DOES_NOT_EXPIRE", addDays(now, 1), now),
      "ValidationException",
    );
  });

  it("returns ValidationException when ValidTo is the time of the request", () => {
    expectError(resolveExpiration(undefined, new Date(now.getTime()), now), "ValidationException");
  });

  it("returns ValidationException when ValidTo is in the past", () => {
    expectError(
      resolveExpiration(undefined, new Date(now.getTime() - 1), now),
      "ValidationException",
    );
  });

  it("accepts ValidTo 1 ms after the time of the request", () => {
    const validTo = new Date(now.getTime() + 1);
    expect(resolveExpiration(undefined, validTo, now)._unsafeUnwrap()).toEqual(validTo);
  });

  it("accepts ValidTo exactly 365 days after the time of the request", () => {
    const validTo = new Date(now.getTime() + 365 * dayMs);
    expect(resolveExpiration("KEY_MATERIAL_EXPIRES", validTo, now)._unsafeUnwrap()).toEqual(
      validTo,
    );
  });

  it("returns ValidationException when ValidTo is 365 days and 1 ms after the request", () => {
    expectError(
      resolveExpiration(undefined, new Date(now.getTime() + 365 * dayMs + 1), now),
      "ValidationException",
    );
  });

  it("measures 365 days as 365 × 24 hours whatever the host time zone", () => {
    const { TZ: zone } = process.env;
    Object.assign(process.env, { TZ: "America/New_York" });
    try {
      const request = new Date("2026-03-08T12:00:00.000Z");
      const validTo = new Date(request.getTime() + 365 * dayMs + 30 * 60 * 1000);
      expectError(resolveExpiration(undefined, validTo, request), "ValidationException");
    } finally {
      if (zone === undefined) Reflect.deleteProperty(process.env, "TZ");
      else Object.assign(process.env, { TZ: zone });
    }
  });
});
