import { describe, expect, it } from "vitest";
import { parseKeyReference, resolveKeyReference } from "../../src/domain/resolveKeyReference.js";
import { expectError } from "../support/kmsHarness.js";
import { arn, keyId, scope } from "./keyRecords.js";

const mrk = `mrk-${"0123456789abcdef".repeat(2)}`;

describe("resolveKeyReference", () => {
  it("resolves a bare key ID to the key ARN in the scope", () => {
    expect(resolveKeyReference(keyId, scope, "EnableKey")._unsafeUnwrap()).toBe(arn);
  });

  it("resolves a key ARN of the scope to itself", () => {
    expect(resolveKeyReference(arn, scope, "ImportKeyMaterial")._unsafeUnwrap()).toBe(arn);
  });

  it("builds an aws-cn ARN for a China Region", () => {
    const cn = { accountId: scope.accountId, region: "cn-north-1" };
    expect(resolveKeyReference(keyId, cn, "DescribeKey")._unsafeUnwrap()).toBe(
      `arn:aws-cn:kms:cn-north-1:111122223333:key/${keyId}`,
    );
  });

  it.each(["alias/x", "arn:aws:kms:us-east-1:111122223333:alias/x", "alias/not valid"])(
    'refuses the alias %s with InvalidArnException "Key Aliases are not supported for this operation."',
    (reference) => {
      const error = expectError(
        resolveKeyReference(reference, scope, "GetParametersForImport"),
        "InvalidArnException",
      );
      expect(error.message).toBe("Key Aliases are not supported for this operation.");
    },
  );

  it.each(["alias/x", "arn:aws:kms:us-east-1:111122223333:alias/x"])(
    "reads %s as the alias alias/x where aliases are taken",
    (reference) => {
      expect(parseKeyReference(reference, scope, "DescribeKey")).toBeOk({
        kind: "alias",
        aliasName: "alias/x",
        aliasArn: "arn:aws:kms:us-east-1:111122223333:alias/x",
      });
    },
  );

  it("reads a key ID as a key where aliases are taken", () => {
    expect(parseKeyReference(keyId, scope, "Encrypt")).toBeOk({ kind: "key", arn });
  });

  it.each([
    "not-a-key",
    "1234ABCD-12AB-34CD-56EF-1234567890AB",
    "1234abcd-12ab-34cd-56ef-1234567890a",
    " 1234abcd-12ab-34cd-56ef-1234567890ab",
  ])("returns NotFoundException \"Invalid keyId\" for the malformed ID '%s'", (reference) => {
    const error = expectError(
      resolveKeyReference(reference, scope, "EnableKey"),
      "NotFoundException",
    );
    expect(error.message).toBe(`Invalid keyId '${reference}'`);
  });

  it('returns NotFoundException "Invalid arn <region>" for a key ARN of another Region', () => {
    const error = expectError(
      resolveKeyReference(`arn:aws:kms:eu-west-1:111122223333:key/${keyId}`, scope, "EnableKey"),
      "NotFoundException",
    );
    expect(error.message).toBe("Invalid arn eu-west-1");
  });

  it('returns NotFoundException "Invalid arn …" for a key ARN of another partition', () => {
    const reference = `arn:aws-cn:kms:us-east-1:111122223333:key/${keyId}`;
    const error = expectError(
      resolveKeyReference(reference, scope, "EnableKey"),
      "NotFoundException",
    );
    expect(error.message).toBe(`Invalid arn ${reference}`);
  });

  it('returns NotFoundException "Invalid arn …" for a key ARN with a malformed key ID', () => {
    const reference = "arn:aws:kms:us-east-1:111122223333:key/nope";
    const error = expectError(
      resolveKeyReference(reference, scope, "DisableKey"),
      "NotFoundException",
    );
    expect(error.message).toBe(`Invalid arn ${reference}`);
  });

  it("returns AccessDeniedException for a key ARN of another account", () => {
    const reference = `arn:aws:kms:us-east-1:444455556666:key/${keyId}`;
    const error = expectError(
      resolveKeyReference(reference, scope, "ScheduleKeyDeletion"),
      "AccessDeniedException",
    );
    expect(error.message).toBe(
      `User: arn:aws:iam::111122223333:root is not authorized to perform: kms:ScheduleKeyDeletion on resource: ${reference} ` +
        "because no resource-based policy allows the kms:ScheduleKeyDeletion action",
    );
  });

  it("returns UnsupportedOperationException for a multi-Region key ID", () => {
    const error = expectError(
      resolveKeyReference(mrk, scope, "DescribeKey"),
      "UnsupportedOperationException",
    );
    expect(error.message).toContain(mrk);
  });

  it("returns UnsupportedOperationException for a multi-Region key ARN", () => {
    expectError(
      resolveKeyReference(`arn:aws:kms:us-east-1:111122223333:key/${mrk}`, scope, "EnableKey"),
      "UnsupportedOperationException",
    );
  });
});
