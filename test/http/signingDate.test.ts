import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { amzDateOf, checkClockSkew, signingDate } from "../../src/http/signingDate.js";

const now = new Date("2026-03-01T12:00:00.000Z");
const seconds = (n: number) => new Date(now.getTime() + n * 1000);

describe("signingDate", () => {
  it("reads an X-Amz-Date as a UTC time", () => {
    expect(signingDate("20260301T120000Z")._unsafeUnwrap()).toEqual(now);
    expect(signingDate("20241231T235959Z")._unsafeUnwrap()).toEqual(
      new Date("2024-12-31T23:59:59.000Z"),
    );
    expect(signingDate("20240229T000000Z")._unsafeUnwrap()).toEqual(
      new Date("2024-02-29T00:00:00.000Z"),
    );
  });

  it.each([
    ["missing", undefined],
    ["empty", ""],
    ["ISO 8601 with separators", "2026-03-01T12:00:00Z"],
    ["with milliseconds", "20260301T120000.000Z"],
    ["without Z", "20260301T120000"],
    ["in lower case", "20260301t120000z"],
    ["a date alone", "20260301"],
    ["an HTTP date", "Sun, 01 Mar 2026 12:00:00 GMT"],
    ["month 13", "20261301T120000Z"],
    ["February 30", "20260230T120000Z"],
    ["February 29 of a common year", "20250229T120000Z"],
    ["hour 24", "20260301T240000Z"],
    ["minute 60", "20260301T126000Z"],
    ["second 60", "20260301T120060Z"],
    ["surrounded by spaces", " 20260301T120000Z "],
  ])("returns IncompleteSignatureException for an X-Amz-Date %s", (_, value) => {
    expect(signingDate(value)._unsafeUnwrapErr()).toEqual({
      name: "IncompleteSignatureException",
      message: "Authorization requires an 'X-Amz-Date' header of the form YYYYMMDDTHHMMSSZ.",
    });
  });

  it("reads back every whole-second time written by amzDateOf", () => {
    const wholeSeconds = fc
      .date({
        min: new Date("1970-01-01T00:00:00Z"),
        max: new Date("9999-12-31T23:59:59Z"),
        noInvalidDate: true,
      })
      .map((date) => new Date(Math.floor(date.getTime() / 1000) * 1000));
    fc.assert(
      fc.property(wholeSeconds, (date) => {
        const written = amzDateOf(date);
        expect(written).toMatch(/^\d{8}T\d{6}Z$/);
        expect(signingDate(written)._unsafeUnwrap()).toEqual(date);
      }),
    );
  });
});

describe("checkClockSkew", () => {
  it("accepts a request signed exactly 15 minutes before or after now, and any time between", () => {
    expect(checkClockSkew(seconds(-900), now)).toBeOk();
    expect(checkClockSkew(seconds(900), now)).toBeOk();
    expect(checkClockSkew(now, now)).toBeOk();
    fc.assert(
      fc.property(fc.integer({ min: -900_000, max: 900_000 }), (ms) => {
        expect(checkClockSkew(new Date(now.getTime() + ms), now)).toBeOk();
      }),
    );
  });

  it("returns 'Signature expired' for a request signed 15 minutes and 1 second before now", () => {
    expect(checkClockSkew(seconds(-901), now)._unsafeUnwrapErr()).toEqual({
      name: "InvalidSignatureException",
      message:
        "Signature expired: 20260301T114459Z is now earlier than 20260301T114500Z (20260301T120000Z - 15 min.)",
    });
  });

  it("returns 'Signature not yet current' for a request signed 15 minutes and 1 second after now", () => {
    expect(checkClockSkew(seconds(901), now)._unsafeUnwrapErr()).toEqual({
      name: "InvalidSignatureException",
      message:
        "Signature not yet current: 20260301T121501Z is still later than 20260301T121500Z (20260301T120000Z + 15 min.)",
    });
  });

  it("measures from the server's milliseconds: 15 minutes before 12:00:00.500 is past at 11:44:59", () => {
    const later = new Date(now.getTime() + 500);
    expect(checkClockSkew(seconds(-900), later)).toBeErr();
    expect(checkClockSkew(seconds(900), later)).toBeOk();
  });

  it("refuses every request signed more than 15 minutes away", () => {
    const far = fc.oneof(
      fc.integer({ min: 900_001, max: 10 * 365 * 86_400_000 }),
      fc.integer({ min: -10 * 365 * 86_400_000, max: -900_001 }),
    );
    fc.assert(
      fc.property(far, (ms) => {
        const error = checkClockSkew(new Date(now.getTime() + ms), now)._unsafeUnwrapErr();
        expect(error.name).toBe("InvalidSignatureException");
        expect(error.message).toMatch(
          ms < 0 ? /^Signature expired: / : /^Signature not yet current: /,
        );
      }),
    );
  });
});
