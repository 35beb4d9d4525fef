import { describe, expect, it } from "vitest";
import { manualClock } from "../../src/testing/manualClock.js";

const start = new Date("2026-03-01T12:00:00.000Z");

describe("manualClock", () => {
  it("starts at 2026-01-01T00:00:00.000Z when no start is given", () => {
    expect(manualClock().now().toISOString()).toBe("2026-01-01T00:00:00.000Z");
  });

  it("stands still until it is moved", async () => {
    const clock = manualClock(start);
    await new Promise((resolve) => setTimeout(resolve, 5));

    expect(clock.now()).toEqual(start);
  });

  it("does not follow later changes to the start date it was given", () => {
    const given = new Date(start);
    const clock = manualClock(given);
    given.setUTCFullYear(2030);

    expect(clock.now()).toEqual(start);
  });

  it("advances by a number of milliseconds and returns the new time", () => {
    const clock = manualClock(start);

    const moved = clock.advance(1_500);

    expect(moved.toISOString()).toBe("2026-03-01T12:00:01.500Z");
    expect(clock.now()).toEqual(moved);
  });

  it("advances by a duration of days, hours, minutes and seconds", () => {
    const clock = manualClock(start);

    clock.advance({ days: 2, hours: 3, minutes: 4, seconds: 5 });

    expect(clock.now().getTime() - start.getTime()).toBe(
      ((2 * 24 + 3) * 60 * 60 + 4 * 60 + 5) * 1000,
    );
  });

  it("accumulates successive advances", () => {
    const clock = manualClock(start);

    clock.advance({ hours: 1 });
    clock.advance(60_000);
    clock.advance({ seconds: 30 });

    expect(clock.now().toISOString()).toBe("2026-03-01T13:01:30.000Z");
  });

  it("advances by zero without complaint", () => {
    const clock = manualClock(start);

    expect(clock.advance(0)).toEqual(start);
  });

  it("throws RangeError when advancing by a negative number of milliseconds, and stays put", () => {
    const clock = manualClock(start);

    expect(() => clock.advance(-1)).toThrow(RangeError);
    expect(clock.now()).toEqual(start);
  });

  it("throws RangeError when advancing by a negative duration", () => {
    const clock = manualClock(start);

    expect(() => clock.advance({ days: -1 })).toThrow(RangeError);
    expect(clock.now()).toEqual(start);
  });

  it("sets the time forward and returns it", () => {
    const clock = manualClock(start);
    const later = new Date("2026-12-31T23:59:59.999Z");

    expect(clock.set(later)).toEqual(later);
    expect(clock.now()).toEqual(later);
  });

  it("accepts being set to the current time", () => {
    const clock = manualClock(start);

    expect(clock.set(new Date(start))).toEqual(start);
  });

  it("throws RangeError when set backward, and stays put", () => {
    const clock = manualClock(start);

    expect(() => clock.set(new Date(start.getTime() - 1))).toThrow(RangeError);
    expect(clock.now()).toEqual(start);
  });

  it("throws RangeError when set to an invalid date", () => {
    const clock = manualClock(start);

    expect(() => clock.set(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => clock.advance(Number.NaN)).toThrow(RangeError);
    expect(clock.now()).toEqual(start);
  });

  it("returns copies from now, so mutating one does not move the clock", () => {
    const clock = manualClock(start);

    clock.now().setUTCFullYear(2030);

    expect(clock.now()).toEqual(start);
  });

  it("returns copies from advance and set, and keeps no reference to the date passed to set", () => {
    const clock = manualClock(start);
    const target = new Date("2026-06-01T00:00:00.000Z");

    clock.advance(1_000).setUTCFullYear(2030);
    clock.set(target).setUTCFullYear(2031);
    target.setUTCFullYear(2032);

    expect(clock.now().toISOString()).toBe("2026-06-01T00:00:00.000Z");
  });

  it("counts a day as 24 hours across a daylight-saving change of the host time zone", () => {
    const { TZ: zone } = process.env;
    Object.assign(process.env, { TZ: "America/New_York" });
    try {
      const clock = manualClock(new Date("2026-03-07T12:00:00.000Z"));

      expect(clock.advance({ days: 2 }).toISOString()).toBe("2026-03-09T12:00:00.000Z");
    } finally {
      if (zone === undefined) Reflect.deleteProperty(process.env, "TZ");
      else Object.assign(process.env, { TZ: zone });
    }
  });
});
