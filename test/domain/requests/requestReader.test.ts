import { describe, expect, it } from "vitest";
import { RequestReader } from "../../../src/domain/requests/requestReader.js";
import { expectError } from "../../support/kmsHarness.js";

const read = (body: unknown, use: (reader: RequestReader) => unknown) =>
  RequestReader.of(body).andThen((reader) => {
    const value = use(reader);
    return reader.finish(() => value);
  });

const one = (violation: string) => `1 validation error detected: ${violation}`;

describe("RequestReader", () => {
  it("reads undefined as an empty request", () => {
    expect(read(undefined, (r) => r.string("KeyId"))._unsafeUnwrap()).toBe(undefined);
  });

  it.each([null, "KeyId", 42, []])("returns SerializationException for the request %j", (body) => {
    const error = expectError(RequestReader.of(body), "SerializationException");
    expect(error.message).toBe("The request must be an object of request members.");
  });

  it("treats a null member as absent", () => {
    expect(read({ Description: null }, (r) => r.string("Description"))._unsafeUnwrap()).toBe(
      undefined,
    );
  });

  it("words a missing required member as AWS does", () => {
    const error = expectError(
      read({}, (r) => r.string("KeyId", { required: true })),
      "ValidationException",
    );
    expect(error.message).toBe(
      one("Value null at 'keyId' failed to satisfy constraint: Member must not be null"),
    );
  });

  it("counts and joins several violations with '; '", () => {
    const error = expectError(
      read({ KeyId: "", Limit: 0 }, (r) => [
        r.string("KeyId", { required: true, min: 1 }),
        r.integer("Limit", { min: 1, max: 1000 }),
        r.string("Marker", { required: true }),
      ]),
      "ValidationException",
    );
    expect(error.message).toBe(
      "3 validation errors detected: " +
        "Value '' at 'keyId' failed to satisfy constraint: Member must have length greater than or equal to 1; " +
        "Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1; " +
        "Value null at 'marker' failed to satisfy constraint: Member must not be null",
    );
  });

  it("words a too-long string and shows at most 256 characters of it", () => {
    const error = expectError(
      read({ KeyId: "k".repeat(300) }, (r) => r.string("KeyId", { max: 2 })),
      "ValidationException",
    );
    expect(error.message).toBe(
      one(
        `Value '${"k".repeat(256)}…' at 'keyId' failed to satisfy constraint: Member must have length less than or equal to 2`,
      ),
    );
  });

  it("never shows the value of a blob", () => {
    const error = expectError(
      read({ ImportToken: new Uint8Array(3) }, (r) => r.blob("ImportToken", { max: 2 })),
      "ValidationException",
    );
    expect(error.message).toBe(
      one(
        "Value at 'importToken' failed to satisfy constraint: Member must have length less than or equal to 2",
      ),
    );
  });

  it("words an unknown enum value with the whole value set", () => {
    const error = expectError(
      read({ WrappingKeySpec: "RSA_1024" }, (r) =>
        r.enumValue("WrappingKeySpec", ["RSA_2048", "SM2"]),
      ),
      "ValidationException",
    );
    expect(error.message).toBe(
      one(
        "Value 'RSA_1024' at 'wrappingKeySpec' failed to satisfy constraint: Member must satisfy enum value set: [RSA_2048, SM2]",
      ),
    );
  });

  it("words a pattern violation with the pattern", () => {
    const error = expectError(
      read({ XksKeyId: "a b" }, (r) => r.string("XksKeyId", { pattern: /^[a-z]+$/ })),
      "ValidationException",
    );
    expect(error.message).toBe(
      one(
        "Value 'a b' at 'xksKeyId' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-z]+$",
      ),
    );
  });

  it("words an integer above its maximum", () => {
    const error = expectError(
      read({ Limit: 1001 }, (r) => r.integer("Limit", { min: 1, max: 1000 })),
      "ValidationException",
    );
    expect(error.message).toBe(
      one(
        "Value '1001' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 1000",
      ),
    );
  });

  it("names list items by their lower-camel path", () => {
    const error = expectError(
      read({ GrantTokens: ["ok", ""] }, (r) =>
        r.stringList("GrantTokens", { maxItems: 10, item: { min: 1 } }),
      ),
      "ValidationException",
    );
    expect(error.message).toBe(
      one(
        "Value '' at 'grantTokens.2.member' failed to satisfy constraint: Member must have length greater than or equal to 1",
      ),
    );
  });

  it("names tag members by their lower-camel path", () => {
    const error = expectError(
      read({ Tags: [{ TagKey: "", TagValue: "v" }] }, (r) =>
        r.tags("Tags", { key: { min: 1, max: 128 }, value: { max: 256 } }),
      ),
      "ValidationException",
    );
    expect(error.message).toBe(
      one(
        "Value '' at 'tags.1.member.tagKey' failed to satisfy constraint: Member must have length greater than or equal to 1",
      ),
    );
  });

  it.each([
    [
      "a number for a string",
      { KeyId: 5 },
      (r: RequestReader) => r.string("KeyId"),
      "Member 'KeyId' must be a string; got a number.",
    ],
    [
      "a string for a blob",
      { ImportToken: "abc" },
      (r: RequestReader) => r.blob("ImportToken"),
      "Member 'ImportToken' must be a Uint8Array; got a string.",
    ],
    [
      "a fraction for an integer",
      { Limit: 1.5 },
      (r: RequestReader) => r.integer("Limit", { min: 1, max: 9 }),
      "Member 'Limit' must be an integer; got a non-integer number.",
    ],
    [
      "a string for a boolean",
      { MultiRegion: "true" },
      (r: RequestReader) => r.boolean("MultiRegion"),
      "Member 'MultiRegion' must be a boolean; got a string.",
    ],
    [
      "an invalid Date",
      { ValidTo: new Date(Number.NaN) },
      (r: RequestReader) => r.timestamp("ValidTo"),
      "Member 'ValidTo' must be a valid Date; got an invalid Date.",
    ],
    [
      "a string for a timestamp",
      { ValidTo: "2026-01-01" },
      (r: RequestReader) => r.timestamp("ValidTo"),
      "Member 'ValidTo' must be a valid Date; got a string.",
    ],
  ])("returns SerializationException for %s", (_, body, use, message) => {
    expect(expectError(read(body, use), "SerializationException").message).toBe(message);
  });

  it("reports a wrong type before any constraint violation", () => {
    const result = read({ KeyId: 7 }, (r) => [
      r.string("Marker", { required: true }),
      r.string("KeyId"),
    ]);
    expectError(result, "SerializationException");
  });
});
