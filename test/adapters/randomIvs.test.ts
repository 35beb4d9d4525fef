import { describe, expect, it } from "vitest";
import { fillRandomIv } from "../../src/adapters/randomIvs.js";

describe("fillRandomIv", () => {
  it("hands out no IV twice, across many refills of its buffer", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 5_000; i++) {
      const iv = new Uint8Array(12);
      fillRandomIv(iv);
      seen.add(Buffer.from(iv).toString("hex"));
    }
    expect(seen.size).toBe(5_000);
  });
});
