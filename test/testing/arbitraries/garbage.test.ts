import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { OperationName } from "../../../src/index.js";
import { garbageRequest } from "../../../src/testing/arbitraries/garbageRequest.js";
import { garbageValue } from "../../../src/testing/arbitraries/garbageValue.js";
import {
  assertProduceCorrectValues,
  assertProduceSameValueGivenSameSeed,
  now,
  operations,
  verdict,
} from "./arbitraryAssertions.js";

/** The request members of each operation in the AWS model, written out independently. */
const members: Readonly<Record<OperationName, readonly string[]>> = {
  CancelKeyDeletion: ["KeyId"],
  CreateKey: [
    "BypassPolicyLockoutSafetyCheck",
    "CustomKeyStoreId",
    "CustomerMasterKeySpec",
    "Description",
    "KeySpec",
    "KeyUsage",
    "MultiRegion",
    "Origin",
    "Policy",
    "Tags",
    "XksKeyId",
  ],
  Decrypt: [
    "CiphertextBlob",
    "DryRun",
    "EncryptionAlgorithm",
    "EncryptionContext",
    "GrantTokens",
    "KeyId",
    "Recipient",
  ],
  DeleteImportedKeyMaterial: ["KeyId", "KeyMaterialId"],
  DescribeKey: ["GrantTokens", "KeyId"],
  DisableKey: ["KeyId"],
  EnableKey: ["KeyId"],
  Encrypt: [
    "DryRun",
    "EncryptionAlgorithm",
    "EncryptionContext",
    "GrantTokens",
    "KeyId",
    "Plaintext",
  ],
  GenerateDataKey: [
    "DryRun",
    "EncryptionContext",
    "GrantTokens",
    "KeyId",
    "KeySpec",
    "NumberOfBytes",
    "Recipient",
  ],
  GenerateDataKeyWithoutPlaintext: [
    "DryRun",
    "EncryptionContext",
    "GrantTokens",
    "KeyId",
    "KeySpec",
    "NumberOfBytes",
  ],
  GetParametersForImport: ["KeyId", "WrappingAlgorithm", "WrappingKeySpec"],
  ImportKeyMaterial: [
    "EncryptedKeyMaterial",
    "ExpirationModel",
    "ImportToken",
    "ImportType",
    "KeyId",
    "KeyMaterialDescription",
    "KeyMaterialId",
    "ValidTo",
  ],
  ListKeys: ["Limit", "Marker"],
  ScheduleKeyDeletion: ["KeyId", "PendingWindowInDays"],
};

const typeOf = (value: unknown) =>
  value === null ? "null" : Array.isArray(value) ? "array" : typeof value;

describe("arbitraries.garbageValue", () => {
  it("gives the same values for the same seed", () => {
    assertProduceSameValueGivenSameSeed(garbageValue());
  });

  it("generates values of every JavaScript type, JSON or not", () => {
    const types = new Set(fc.sample(garbageValue(), { seed: 3, numRuns: 1000 }).map(typeOf));
    expect([...types].sort()).toEqual([
      "array",
      "bigint",
      "boolean",
      "function",
      "null",
      "number",
      "object",
      "string",
      "symbol",
      "undefined",
    ]);
  });
});

describe("arbitraries.garbageRequest", () => {
  it.each(operations)("gives the same %s requests for the same seed", (operation) => {
    assertProduceSameValueGivenSameSeed(garbageRequest(operation, { now }), 3);
  });

  it.each(operations)("promises the exact error the %s validator answers", (operation) => {
    assertProduceCorrectValues(
      garbageRequest(operation, { now }),
      ({ request, error, reason }) => {
        expect({ reason, answer: verdict(operation, request) }).toEqual({ reason, answer: error });
      },
      200,
    );
  });

  it.each(operations)(
    "puts garbage in every member of %s, and in the whole request",
    (operation) => {
      const garbage = fc.sample(garbageRequest(operation, { now }), { seed: 5, numRuns: 1000 });
      const targets = new Set(garbage.map(({ reason }) => reason.split(" ")[0]));
      expect([...targets].sort()).toEqual([...members[operation], "the"].sort());
    },
  );

  it("puts objects of the wrong content, not only other types, in map and list members", () => {
    const garbage = fc.sample(garbageRequest("Encrypt", { now }), { seed: 9, numRuns: 2000 });
    const typesIn = (member: string) =>
      new Set(
        garbage
          .filter(({ reason }) => reason.startsWith(`${member} is not`))
          .map(({ request }) => typeOf((request as Record<string, unknown>)[member])),
      );
    expect(typesIn("EncryptionContext")).toContain("object");
    expect(typesIn("GrantTokens")).toContain("array");
  });

  it("answers SerializationException for the wrong type and ValidationException for oversize", () => {
    const errors = fc.sample(garbageRequest("ImportKeyMaterial", { now }), 300).map((g) => g.error);
    expect(new Set(errors)).toEqual(new Set(["SerializationException", "ValidationException"]));
  });
});
