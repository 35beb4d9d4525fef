import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAuthorization } from "../../src/http/parseAuthorization.js";

const signature = "0123456789abcdef".repeat(4);
const credential = "AKIDEXAMPLE/20260301/us-east-1/kms/aws4_request";
const signedHeaders = "content-type;host;x-amz-date;x-amz-target";
const header = `AWS4-HMAC-SHA256 Credential=${credential}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
const parsed = {
  accessKeyId: "AKIDEXAMPLE",
  scopeDate: "20260301",
  region: "us-east-1",
  service: "kms",
  signedHeaders: ["content-type", "host", "x-amz-date", "x-amz-target"],
  signature,
};

const errorOf = (value: string | undefined) => parseAuthorization(value)._unsafeUnwrapErr();

describe("parseAuthorization", () => {
  it("reads the access key, scope, signed headers and signature of a SigV4 authorization", () => {
    expect(parseAuthorization(header)._unsafeUnwrap()).toEqual(parsed);
  });

  it.each([
    ["without spaces after the commas", header.replaceAll(", ", ",")],
    [
      "with its parameters in another order",
      `AWS4-HMAC-SHA256 Signature=${signature}, SignedHeaders=${signedHeaders}, Credential=${credential}`,
    ],
    [
      "with surrounding and repeated whitespace",
      `  AWS4-HMAC-SHA256   Credential=${credential},\tSignedHeaders=${signedHeaders},  Signature=${signature}  `,
    ],
  ])("reads an authorization %s", (_, value) => {
    expect(parseAuthorization(value)._unsafeUnwrap()).toEqual(parsed);
  });

  it("does not check the service or Region, only their form", () => {
    const other = header.replace("us-east-1/kms", "eu-west-1/s3");
    expect(parseAuthorization(other)._unsafeUnwrap()).toMatchObject({
      region: "eu-west-1",
      service: "s3",
    });
  });

  it.each([[undefined], [""], ["   "], ["\t"]])(
    "returns MissingAuthenticationTokenException for the header %j",
    (value) => {
      expect(errorOf(value)).toEqual({
        name: "MissingAuthenticationTokenException",
        message: "Missing Authentication Token",
      });
    },
  );

  it.each([
    ["another scheme", `Bearer ${signature}`],
    ["SigV2", "AWS AKIDEXAMPLE:c2lnbmF0dXJl"],
    ["SigV4A", header.replace("AWS4-HMAC-SHA256", "AWS4-ECDSA-P256-SHA256")],
    ["a lower-case algorithm", header.replace("AWS4-HMAC-SHA256", "aws4-hmac-sha256")],
    ["the algorithm alone", "AWS4-HMAC-SHA256"],
    ["no Credential", header.replace(`Credential=${credential}, `, "")],
    ["no SignedHeaders", header.replace(`SignedHeaders=${signedHeaders}, `, "")],
    ["no Signature", header.replace(`, Signature=${signature}`, "")],
    ["a credential of four parts", header.replace("/kms/", "/")],
    ["a credential not ending in aws4_request", header.replace("aws4_request", "aws4_reques")],
    ["a scope date of seven digits", header.replace("20260301", "2026031")],
    ["an empty access key", header.replace("AKIDEXAMPLE", "")],
    ["an upper-case Region", header.replace("us-east-1", "US-EAST-1")],
    ["a signature of 63 digits", header.replace(signature, signature.slice(1))],
    ["a signature of 65 digits", header.replace(signature, `${signature}0`)],
    ["an upper-case signature", header.replace(signature, signature.toUpperCase())],
    ["upper-case signed headers", header.replace("host", "Host")],
    ["an empty signed header", header.replace("host;", ";")],
    ["parameters in lower case", header.replace("Credential", "credential")],
  ])("returns IncompleteSignatureException for %s", (_, value) => {
    expect(errorOf(value).name).toBe("IncompleteSignatureException");
  });

  it.each(["host", "x-amz-date", "x-amz-target"])(
    "returns IncompleteSignatureException naming %s when it is not signed",
    (name) => {
      const headers = signedHeaders
        .split(";")
        .filter((signed) => signed !== name)
        .join(";");
      expect(errorOf(header.replace(signedHeaders, headers))).toEqual({
        name: "IncompleteSignatureException",
        message: `'${name}' must be a 'SignedHeader' in the AWS Authorization.`,
      });
    },
  );

  it("answers every string with a result, never a throw", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: "binary" }),
          fc.string().map((s) => `AWS4-HMAC-SHA256 ${s}`),
        ),
        (value) => {
          const result = parseAuthorization(value);
          expect(
            result.isOk() ||
              ["MissingAuthenticationTokenException", "IncompleteSignatureException"].includes(
                result.error.name,
              ),
          ).toBe(true);
        },
      ),
    );
  });
});
