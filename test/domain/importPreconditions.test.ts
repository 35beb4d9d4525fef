import { addDays, addHours } from "date-fns";
import { describe, expect, it } from "vitest";
import {
  findParameterSet,
  importParametersLifetimeHours,
  maxParameterSetsPerKey,
  requireExternalOrigin,
  requireImportable,
} from "../../src/domain/importPreconditions.js";
import { expectError } from "../support/kmsHarness.js";
import {
  arn,
  keyWithMaterial,
  now,
  parameterSet,
  pendingDeletionKey,
  pendingImportKey,
} from "./keyRecords.js";

const awsKmsKey = { ...keyWithMaterial("Enabled"), origin: "AWS_KMS" } as const;
const validTo = addHours(now, importParametersLifetimeHours);
const stored = { ...pendingImportKey(), parameterSets: [parameterSet("set-1", validTo)] };
const token = { keyArn: arn, parameterSetId: "set-1", validTo };

describe("requireExternalOrigin", () => {
  it("accepts an EXTERNAL key, also pending deletion", () => {
    const key = pendingDeletionKey(addDays(now, 7));
    expect(requireExternalOrigin(key)._unsafeUnwrap()).toBe(key);
  });

  it("returns UnsupportedOperationException with AWS's message for an AWS_KMS key", () => {
    const error = expectError(requireExternalOrigin(awsKmsKey), "UnsupportedOperationException");
    expect(error.message).toBe(`${arn} origin is AWS_KMS which is not valid for this operation.`);
  });
});

describe("requireImportable", () => {
  it.each([pendingImportKey(), keyWithMaterial("Enabled"), keyWithMaterial("Disabled")])(
    "accepts an EXTERNAL $keyState key",
    (key) => {
      expect(requireImportable(key)).toBeOk();
    },
  );

  it('returns KMSInvalidStateException "… is pending deletion." for a key pending deletion', () => {
    const error = expectError(
      requireImportable(pendingDeletionKey(addDays(now, 7))),
      "KMSInvalidStateException",
    );
    expect(error.message).toBe(`${arn} is pending deletion.`);
  });

  it("returns UnsupportedOperationException for an AWS_KMS key", () => {
    expectError(requireImportable(awsKmsKey), "UnsupportedOperationException");
  });
});

describe("findParameterSet", () => {
  it("keeps parameter sets for 24 hours and at most 10 per key", () => {
    expect([importParametersLifetimeHours, maxParameterSetsPerKey]).toEqual([24, 10]);
  });

  it("finds the live parameter set the token names, 1 ms before it expires", () => {
    const at = new Date(validTo.getTime() - 1);
    expect(findParameterSet(stored, token, at)._unsafeUnwrap().id).toBe("set-1");
  });

  it("returns ExpiredImportTokenException at the token's ParametersValidTo", () => {
    expectError(findParameterSet(stored, token, validTo), "ExpiredImportTokenException");
  });

  it("returns InvalidImportTokenException for a token of another key", () => {
    const other = { ...token, keyArn: `${arn.slice(0, -1)}f` as typeof arn };
    expectError(findParameterSet(stored, other, now), "InvalidImportTokenException");
  });

  it("returns InvalidImportTokenException for a spent or dropped parameter set", () => {
    expectError(
      findParameterSet(stored, { ...token, parameterSetId: "set-0" }, now),
      "InvalidImportTokenException",
    );
  });
});
