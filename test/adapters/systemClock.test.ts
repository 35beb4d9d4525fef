import { describe, expect, it } from "vitest";
import { systemClock } from "../../src/adapters/systemClock.js";

describe("systemClock", () => {
  it("returns the machine's current time", () => {
    const before = Date.now();
    const now = systemClock().now().getTime();
    const after = Date.now();

    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(after);
  });

  it("returns a new Date on every call, so mutating one changes nothing", () => {
    const clock = systemClock();
    const first = clock.now();
    first.setUTCFullYear(1999);

    expect(clock.now().getUTCFullYear()).toBeGreaterThan(2000);
  });
});
