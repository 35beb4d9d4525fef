import { describe, expect, it } from "vitest";
import { randomIds } from "../../src/adapters/randomIds.js";
import { isKeyId } from "../../src/domain/keyId.js";

describe("randomIds", () => {
  it("returns lowercase version 4 UUIDs that are valid key IDs", () => {
    const id = randomIds().next();

    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(isKeyId(id)).toBe(true);
  });

  it("returns a different ID on every call", () => {
    const ids = randomIds();
    const seen = new Set(Array.from({ length: 1000 }, () => ids.next()));

    expect(seen.size).toBe(1000);
  });
});
