import { describe, expect, it } from "vitest";
import {
  defaultListKeysLimit,
  validateListKeysRequest,
} from "../../../src/domain/requests/listKeys.js";
import { expectError } from "../../support/kmsHarness.js";

describe("validateListKeysRequest", () => {
  it("defaults Limit to 100", () => {
    expect(defaultListKeysLimit).toBe(100);
    expect(validateListKeysRequest(undefined)._unsafeUnwrap()).toEqual({ limit: 100 });
  });

  it.each([1, 1000])("accepts Limit %i", (limit) => {
    expect(validateListKeysRequest({ Limit: limit, Marker: "m" })._unsafeUnwrap()).toEqual({
      limit,
      marker: "m",
    });
  });

  it.each([0, 1001])("returns ValidationException for Limit %i", (limit) => {
    expectError(validateListKeysRequest({ Limit: limit }), "ValidationException");
  });

  it("returns ValidationException for an empty Marker", () => {
    const error = expectError(validateListKeysRequest({ Marker: "" }), "ValidationException");
    expect(error.message).toBe(
      "1 validation error detected: Value '' at 'marker' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  });

  it("returns SerializationException for a Limit given as a string", () => {
    expectError(validateListKeysRequest({ Limit: "10" }), "SerializationException");
  });
});
