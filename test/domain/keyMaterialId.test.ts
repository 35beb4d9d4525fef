import { describe, expect, it } from "vitest";
import { isKeyMaterialId, sameKeyMaterialId } from "../../src/domain/keyMaterialId.js";
import { materialIdA, materialIdB } from "./keyRecords.js";

describe("isKeyMaterialId", () => {
  it("accepts 64 lowercase hex digits", () => {
    expect(isKeyMaterialId("0123456789abcdef".repeat(4))).toBe(true);
  });

  it.each(["A".repeat(64), "a".repeat(63), "a".repeat(65), "g".repeat(64)])(
    "rejects '%s'",
    (value) => {
      expect(isKeyMaterialId(value)).toBe(false);
    },
  );
});

describe("sameKeyMaterialId", () => {
  it("is true for equal IDs", () => {
    expect(sameKeyMaterialId(materialIdA, `${"a".repeat(64)}` as typeof materialIdA)).toBe(true);
  });

  it("is false for IDs that differ in the last digit only", () => {
    const almost = `${"a".repeat(63)}b` as typeof materialIdA;
    expect(sameKeyMaterialId(materialIdA, almost)).toBe(false);
    expect(sameKeyMaterialId(materialIdA, materialIdB)).toBe(false);
  });

  it("is false for IDs of different lengths", () => {
    expect(sameKeyMaterialId(materialIdA, "a".repeat(63) as typeof materialIdA)).toBe(false);
  });
});
