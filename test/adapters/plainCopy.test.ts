import { describe, expect, it } from "vitest";
import { plainCopy } from "../../src/adapters/plainCopy.js";

describe("plainCopy", () => {
  it("copies objects, arrays, dates and bytes so that changing the copy leaves the original alone", () => {
    const original = {
      when: new Date("2026-03-01T12:00:00.000Z"),
      sealed: Uint8Array.of(1, 2, 3),
      buffer: Buffer.from([5, 6]),
      list: [{ id: "a", bytes: Uint8Array.of(4) }],
      text: "same",
      count: 7,
      absent: undefined,
    };
    const copy = plainCopy(original);

    copy.when.setTime(0);
    copy.sealed[0] = 9;
    copy.buffer[0] = 9;
    copy.list[0]?.bytes.fill(0);
    copy.list.push({ id: "b", bytes: Uint8Array.of() });

    expect(copy).not.toBe(original);
    expect(original).toEqual({
      when: new Date("2026-03-01T12:00:00.000Z"),
      sealed: Uint8Array.of(1, 2, 3),
      buffer: Buffer.from([5, 6]),
      list: [{ id: "a", bytes: Uint8Array.of(4) }],
      text: "same",
      count: 7,
      absent: undefined,
    });
  });

  it("copies a member named __proto__ as a member, without changing the copy's prototype", () => {
    const original = JSON.parse('{"__proto__": {"nested": [1]}, "other": 2}') as object;
    const copy = plainCopy(original);

    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(["__proto__", "other"]);
    expect(copy).toStrictEqual(original);
    expect(Object.getOwnPropertyDescriptor(copy, "__proto__")?.value).not.toBe(
      Object.getOwnPropertyDescriptor(original, "__proto__")?.value,
    );
  });

  it("refuses with a TypeError an object that is not plain data, which it could not copy faithfully", () => {
    expect(() => plainCopy({ tags: new Map([["a", "b"]]) })).toThrow(TypeError);
  });
});
