import { Buffer } from "node:buffer";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeRequestBody } from "../../src/http/decodeRequestBody.js";
import { encodeResponseBody } from "../../src/http/encodeResponseBody.js";

const parsed = (response: object) => JSON.parse(encodeResponseBody(response));

describe("encodeResponseBody", () => {
  it("writes Uint8Arrays as standard padded base64", () => {
    expect(parsed({ Plaintext: new Uint8Array([65, 66, 67, 68]) })).toEqual({
      Plaintext: "QUJDRA==",
    });
    expect(parsed({ Plaintext: new Uint8Array([0xfb, 0xff]) })).toEqual({ Plaintext: "+/8=" });
    expect(parsed({ Plaintext: new Uint8Array(0) })).toEqual({ Plaintext: "" });
  });

  it("writes a Uint8Array that views part of a larger buffer as that part only", () => {
    const buffer = new Uint8Array([1, 2, 3, 4, 5]);
    expect(parsed({ Blob: buffer.subarray(1, 3) })).toEqual({
      Blob: Buffer.from([2, 3]).toString("base64"),
    });
  });

  it("writes Dates as epoch seconds, milliseconds as a fraction", () => {
    expect(parsed({ CreationDate: new Date("2026-03-01T12:00:00.000Z") })).toEqual({
      CreationDate: 1_772_366_400,
    });
    expect(parsed({ ValidTo: new Date("2026-03-01T12:00:00.250Z") })).toEqual({
      ValidTo: 1_772_366_400.25,
    });
  });

  it("leaves out members that are undefined, and keeps nulls, falses and zeros", () => {
    expect(
      encodeResponseBody({ KeyId: "k", NextMarker: undefined, Truncated: false, N: 0, X: null }),
    ).toBe('{"KeyId":"k","Truncated":false,"N":0,"X":null}');
  });

  it("writes a member named __proto__ as a member, in its place, touching no prototype", () => {
    const response = JSON.parse('{"A": 1, "__proto__": {"B": 2}, "C": 3}') as object;
    expect(encodeResponseBody(response)).toBe('{"A":1,"__proto__":{"B":2},"C":3}');
  });

  it("encodes blobs and dates nested in objects and arrays", () => {
    const response = {
      KeyMetadata: {
        CreationDate: new Date(1500),
        ValidTo: undefined,
        EncryptionAlgorithms: ["SYMMETRIC_DEFAULT"],
      },
      Keys: [
        { KeyId: "a", Blob: new Uint8Array([255]) },
        { KeyId: "b", At: new Date(0) },
      ],
    };
    expect(parsed(response)).toEqual({
      KeyMetadata: { CreationDate: 1.5, EncryptionAlgorithms: ["SYMMETRIC_DEFAULT"] },
      Keys: [
        { KeyId: "a", Blob: "/w==" },
        { KeyId: "b", At: 0 },
      ],
    });
  });

  it("writes blobs and timestamps of years 0 to 9999 that decodeRequestBody reads back as they were", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 64 }),
        fc.uint8Array({ maxLength: 64 }),
        fc.date({
          min: new Date("0000-01-01T00:00:00.000Z"),
          max: new Date("9999-12-31T23:59:59.999Z"),
          noInvalidDate: true,
        }),
        (ImportToken, EncryptedKeyMaterial, ValidTo) => {
          const body = encodeResponseBody({
            KeyId: "k",
            ImportToken,
            EncryptedKeyMaterial,
            ValidTo,
          });
          const decoded = decodeRequestBody(new Uint8Array(Buffer.from(body)), {
            blobs: ["ImportToken", "EncryptedKeyMaterial"],
            timestamps: ["ValidTo"],
            call: () => {
              throw new Error("not called");
            },
          });
          expect(decoded._unsafeUnwrap()).toEqual({
            KeyId: "k",
            ImportToken,
            EncryptedKeyMaterial,
            ValidTo,
          });
        },
      ),
    );
  });
});
