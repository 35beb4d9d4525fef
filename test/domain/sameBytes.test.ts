import { describe, expect, it } from "vitest";
import { sameBytes } from "../../src/domain/sameBytes.js";

describe("sameBytes", () => {
  it("tells equal bytes from different bytes, lengths and undefined", () => {
    const bytes = Uint8Array.of(1, 2, 3);
    expect(sameBytes(bytes, new Uint8Array([1, 2, 3]))).toBe(true);
    expect(sameBytes(bytes.subarray(1), Uint8Array.of(2, 3))).toBe(true);
    expect(sameBytes(bytes, Uint8Array.of(1, 2, 4))).toBe(false);
    expect(sameBytes(bytes, Uint8Array.of(1, 2))).toBe(false);
    expect(sameBytes(undefined, bytes)).toBe(false);
    expect(sameBytes(bytes, undefined)).toBe(false);
  });
});
