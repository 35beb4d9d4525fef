import { Buffer } from "node:buffer";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeRequestBody } from "../../src/http/decodeRequestBody.js";
import { wireOperations } from "../../src/http/wireOperations.js";

const bytes = (text: string) => new Uint8Array(Buffer.from(text));
const json = (value: unknown) => bytes(JSON.stringify(value));
const { Encrypt, ImportKeyMaterial, DescribeKey } = wireOperations;
const yearZero = new Date("0000-01-01T00:00:00.000Z");
const year9999 = new Date("9999-12-31T23:59:59.999Z");

function decodeError(body: Uint8Array, operation = ImportKeyMaterial) {
  return decodeRequestBody(body, operation)._unsafeUnwrapErr();
}

describe("decodeRequestBody", () => {
  it("reads an empty body as an empty request", () => {
    expect(decodeRequestBody(new Uint8Array(0), DescribeKey)._unsafeUnwrap()).toEqual({});
  });

  it("passes members other than blobs and timestamps on as they are", () => {
    const request = { KeyId: "k", GrantTokens: ["a"], Limit: 3, Nested: { a: [1, null] } };
    expect(decodeRequestBody(json(request), DescribeKey)._unsafeUnwrap()).toEqual(request);
  });

  it("reads base64 blob members as Uint8Arrays", () => {
    const decoded = decodeRequestBody(json({ Plaintext: "QUJD", KeyId: "k" }), Encrypt);
    expect(decoded._unsafeUnwrap()).toEqual({
      Plaintext: new Uint8Array([65, 66, 67]),
      KeyId: "k",
    });
    expect(decoded._unsafeUnwrap()["Plaintext"]).toBeInstanceOf(Uint8Array);
  });

  it("reads every byte string back from its base64", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (plaintext) => {
        const body = json({ Plaintext: Buffer.from(plaintext).toString("base64") });
        expect(decodeRequestBody(body, Encrypt)._unsafeUnwrap()["Plaintext"]).toEqual(plaintext);
      }),
    );
  });

  it("reads an empty string blob as empty bytes, for the operation to refuse", () => {
    expect(decodeRequestBody(json({ Plaintext: "" }), Encrypt)._unsafeUnwrap()).toEqual({
      Plaintext: new Uint8Array(0),
    });
  });

  it("passes a null blob on as null", () => {
    expect(decodeRequestBody(json({ Plaintext: null }), Encrypt)._unsafeUnwrap()).toEqual({
      Plaintext: null,
    });
  });

  it.each([
    ["a length that is no multiple of 4", "abc"],
    ["padding alone", "===="],
    ["three padding characters", "a==="],
    ["padding in the middle", "QQ==QUJD"],
    ["URL-safe characters", "ab-_"],
    ["a line break", "QUJD\nQUJD"],
    ["a space", "QUJ D"],
    ["missing padding", "QQ"],
  ])("returns SerializationException for a blob with %s", (_, Plaintext) => {
    const error = decodeError(json({ Plaintext }), Encrypt);
    expect(error).toEqual({
      name: "SerializationException",
      message: "Member 'Plaintext' must be a base64-encoded string.",
    });
  });

  it.each([
    ["a number", 123],
    ["an array of bytes", [65, 66]],
    ["an object", { 0: 65 }],
    ["a boolean", true],
  ])("returns SerializationException for a blob that is %s", (_, ImportToken) => {
    expect(decodeError(json({ ImportToken })).name).toBe("SerializationException");
  });

  it("reads a timestamp of whole epoch seconds", () => {
    const decoded = decodeRequestBody(json({ ValidTo: 1_772_366_400 }), ImportKeyMaterial);
    expect(decoded._unsafeUnwrap()["ValidTo"]).toEqual(new Date("2026-03-01T12:00:00.000Z"));
  });

  it("reads a timestamp of fractional epoch seconds to the millisecond", () => {
    const decoded = decodeRequestBody(json({ ValidTo: 1_772_366_400.123 }), ImportKeyMaterial);
    expect(decoded._unsafeUnwrap()["ValidTo"]).toEqual(new Date("2026-03-01T12:00:00.123Z"));
  });

  it("reads a fractional timestamp that floating point puts just short of its millisecond", () => {
    // 1079005038.146 * 1000 is 1079005038145.9999.
    const decoded = decodeRequestBody(json({ ValidTo: 1_079_005_038.146 }), ImportKeyMaterial);
    expect(decoded._unsafeUnwrap()["ValidTo"]).toEqual(new Date("2004-03-11T11:37:18.146Z"));
  });

  it("reads back every date of years 0 to 9999 written as fractional epoch seconds", () => {
    fc.assert(
      fc.property(fc.date({ min: yearZero, max: year9999, noInvalidDate: true }), (date) => {
        const body = json({ ValidTo: date.getTime() / 1000 });
        expect(decodeRequestBody(body, ImportKeyMaterial)._unsafeUnwrap()["ValidTo"]).toEqual(date);
      }),
    );
  });

  it.each([
    ["a string of seconds", "1772366400"],
    ["an ISO date", "2026-03-01T12:00:00Z"],
    ["a boolean", true],
    ["an array", [1_772_366_400]],
    ["an object", { seconds: 1_772_366_400 }],
    ["a number beyond the range of dates", 8.64e12 + 1],
    ["a huge number", 1e300],
  ])("returns SerializationException for a timestamp that is %s", (_, ValidTo) => {
    expect(decodeError(json({ ValidTo }))).toEqual({
      name: "SerializationException",
      message: "Member 'ValidTo' must be a timestamp in epoch seconds.",
    });
  });

  it("reads the last date there is", () => {
    const decoded = decodeRequestBody(json({ ValidTo: 8.64e12 }), ImportKeyMaterial);
    expect(decoded._unsafeUnwrap()["ValidTo"]).toEqual(new Date(8.64e15));
  });

  it.each([
    ["text", "hello"],
    ["truncated JSON", '{"KeyId": "k"'],
    ["single quotes", "{'KeyId': 'k'}"],
    ["a trailing comma", '{"KeyId": "k",}'],
  ])("returns SerializationException for a body of %s", (_, text) => {
    const error = decodeError(bytes(text), DescribeKey);
    expect(error.name).toBe("SerializationException");
    expect(error.message).toMatch(/^The request body is not valid JSON: /);
  });

  it("returns SerializationException for a body that is not UTF-8", () => {
    const error = decodeError(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), DescribeKey);
    expect(error).toEqual({
      name: "SerializationException",
      message: "The request body is not valid JSON: The body is not valid UTF-8.",
    });
  });

  it.each([["null"], ["[]"], ['[{"KeyId":"k"}]'], ["42"], ['"KeyId"'], ["true"]])(
    "returns SerializationException for the JSON body %s, which is no object",
    (text) => {
      expect(decodeError(bytes(text), DescribeKey)).toEqual({
        name: "SerializationException",
        message: "The request body must be a JSON object of request members.",
      });
    },
  );

  it("keeps a __proto__ member an own member, touching no prototype", () => {
    const body = bytes('{"__proto__": {"polluted": true, "KeyId": "evil"}, "ValidTo": 1}');
    const decoded = decodeRequestBody(body, ImportKeyMaterial)._unsafeUnwrap();
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    expect(Object.hasOwn(decoded, "__proto__")).toBe(true);
    expect(decoded["KeyId"]).toBeUndefined();
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(decoded["ValidTo"]).toEqual(new Date(1000));
  });

  it("does not change a blob or timestamp member that is named by a __proto__ member", () => {
    const body = bytes('{"__proto__": {"ImportToken": "QUJD", "ValidTo": "x"}}');
    const decoded = decodeRequestBody(body, ImportKeyMaterial)._unsafeUnwrap();
    expect(decoded["ImportToken"]).toBeUndefined();
    expect(decoded["ValidTo"]).toBeUndefined();
  });
});
