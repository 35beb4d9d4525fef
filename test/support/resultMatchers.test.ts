import { err, ok } from "neverthrow";
import { describe, expect, it } from "vitest";
import type { KmsError } from "../../src/domain/kmsError.js";

const notFound = err<unknown, KmsError>({
  name: "NotFoundException",
  message: "Key 'arn:aws:kms:us-east-1:111122223333:key/k' does not exist",
});

/** The message an assertion fails with. */
function failureOf(assertion: () => void): string {
  try {
    assertion();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("the assertion passed");
}

describe("toBeOk and toBeErr", () => {
  it("pass for the Result they name, with or without the value or error name", () => {
    expect(ok(1)).toBeOk();
    expect(ok({ a: [1] })).toBeOk({ a: [1] });
    expect(notFound).toBeErr();
    expect(notFound).toBeErr("NotFoundException");
    expect(notFound).not.toBeOk();
    expect(ok(1)).not.toBeErr();
  });

  it("show the error's name and message when an Ok was expected", () => {
    expect(failureOf(() => expect(notFound).toBeOk())).toBe(
      "expected Ok, received Err(NotFoundException: Key 'arn:aws:kms:us-east-1:111122223333:key/k' does not exist)",
    );
  });

  it("show both errors' names when another Err was expected, and the value when an Err was", () => {
    expect(failureOf(() => expect(notFound).toBeErr("DisabledException"))).toMatch(
      /^expected Err\(DisabledException\), received Err\(NotFoundException: Key /,
    );
    expect(failureOf(() => expect(ok({ KeyId: "k" })).toBeErr())).toContain("received Ok(");
    expect(failureOf(() => expect(ok({ KeyId: "k" })).toBeErr())).toContain('"KeyId": "k"');
  });

  it("fail for a value that is not a Result", () => {
    expect(failureOf(() => expect(1).toBeOk())).toBe("expected a Result, received 1");
    expect(failureOf(() => expect(undefined).toBeErr())).toBe(
      "expected a Result, received undefined",
    );
  });
});
