import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { OperationName } from "../../../src/index.js";
import { invalidRequest } from "../../../src/testing/arbitraries/invalidRequest.js";
import {
  assertProduceCorrectValues,
  assertProduceSameValueGivenSameSeed,
  context,
  now,
  operations,
  verdict,
} from "./arbitraryAssertions.js";

/** The errors of an operation that takes aliases in `KeyId` and has no other refusals of its own. */
const resolvingKeyIdErrors = [
  "AccessDeniedException",
  "NotFoundException",
  "UnsupportedOperationException",
  "ValidationException",
];

/** The error names each operation's invalid requests must cover. */
const expectedErrors: Readonly<Record<OperationName, readonly string[]>> = {
  CancelKeyDeletion: [
    "AccessDeniedException",
    "InvalidArnException",
    "NotFoundException",
    "UnsupportedOperationException",
    "ValidationException",
  ],
  CreateAlias: [
    "AccessDeniedException",
    "InvalidAliasNameException",
    "InvalidArnException",
    "NotFoundException",
    "UnsupportedOperationException",
    "ValidationException",
  ],
  CreateKey: [
    "LimitExceededException",
    "MalformedPolicyDocumentException",
    "TagException",
    "UnsupportedOperationException",
    "ValidationException",
  ],
  Decrypt: [
    "AccessDeniedException",
    "InvalidKeyUsageException",
    "NotFoundException",
    "UnsupportedOperationException",
    "ValidationException",
  ],
  DeleteAlias: ["InvalidAliasNameException", "ValidationException"],
  DeleteImportedKeyMaterial: [
    "AccessDeniedException",
    "InvalidArnException",
    "NotFoundException",
    "UnsupportedOperationException",
    "ValidationException",
  ],
  DescribeKey: [
    "AccessDeniedException",
    "NotFoundException",
    "UnsupportedOperationException",
    "ValidationException",
  ],
  DisableKey: [
    "AccessDeniedException",
    "InvalidArnException",
    "NotFoundException",
    "UnsupportedOperationException",
    "ValidationException",
  ],
  EnableKey: [
    "AccessDeniedException",
    "InvalidArnException",
    "NotFoundException",
    "UnsupportedOperationException",
    "ValidationException",
  ],
  Encrypt: [
    "AccessDeniedException",
    "InvalidKeyUsageException",
    "NotFoundException",
    "UnsupportedOperationException",
    "ValidationException",
  ],
  GenerateDataKey: [
    "AccessDeniedException",
    "NotFoundException",
    "UnsupportedOperationException",
    "ValidationException",
  ],
  GenerateDataKeyWithoutPlaintext: [
    "AccessDeniedException",
    "NotFoundException",
    "UnsupportedOperationException",
    "ValidationException",
  ],
  GetParametersForImport: [
    "AccessDeniedException",
    "InvalidArnException",
    "NotFoundException",
    "UnsupportedOperationException",
    "ValidationException",
  ],
  ImportKeyMaterial: [
    "AccessDeniedException",
    "InvalidArnException",
    "NotFoundException",
    "UnsupportedOperationException",
    "ValidationException",
  ],
  ListAliases: [
    "AccessDeniedException",
    "InvalidArnException",
    "NotFoundException",
    "UnsupportedOperationException",
    "ValidationException",
  ],
  ListKeys: ["ValidationException"],
  ScheduleKeyDeletion: [
    "AccessDeniedException",
    "InvalidArnException",
    "NotFoundException",
    "UnsupportedOperationException",
    "ValidationException",
  ],
  UpdateAlias: [
    "AccessDeniedException",
    "InvalidAliasNameException",
    "InvalidArnException",
    "NotFoundException",
    "UnsupportedOperationException",
    "ValidationException",
  ],
  DisableKeyRotation: [
    "AccessDeniedException",
    "InvalidArnException",
    "NotFoundException",
    "UnsupportedOperationException",
    "ValidationException",
  ],
  EnableKeyRotation: [
    "AccessDeniedException",
    "InvalidArnException",
    "NotFoundException",
    "UnsupportedOperationException",
    "ValidationException",
  ],
  GenerateRandom: ["UnsupportedOperationException", "ValidationException"],
  GetKeyPolicy: [
    "AccessDeniedException",
    "InvalidArnException",
    "NotFoundException",
    "UnsupportedOperationException",
    "ValidationException",
  ],
  GetKeyRotationStatus: [
    "AccessDeniedException",
    "InvalidArnException",
    "NotFoundException",
    "UnsupportedOperationException",
    "ValidationException",
  ],
  ListKeyPolicies: [
    "AccessDeniedException",
    "InvalidArnException",
    "NotFoundException",
    "UnsupportedOperationException",
    "ValidationException",
  ],
  ListKeyRotations: [
    "AccessDeniedException",
    "InvalidArnException",
    "NotFoundException",
    "UnsupportedOperationException",
    "ValidationException",
  ],
  ListResourceTags: [
    "AccessDeniedException",
    "InvalidArnException",
    "NotFoundException",
    "UnsupportedOperationException",
    "ValidationException",
  ],
  PutKeyPolicy: [
    "AccessDeniedException",
    "InvalidArnException",
    "LimitExceededException",
    "MalformedPolicyDocumentException",
    "NotFoundException",
    "UnsupportedOperationException",
    "ValidationException",
  ],
  RotateKeyOnDemand: [
    "AccessDeniedException",
    "InvalidArnException",
    "NotFoundException",
    "UnsupportedOperationException",
    "ValidationException",
  ],
  ReEncrypt: [
    "AccessDeniedException",
    "InvalidKeyUsageException",
    "NotFoundException",
    "UnsupportedOperationException",
    "ValidationException",
  ],
  TagResource: [
    "AccessDeniedException",
    "InvalidArnException",
    "NotFoundException",
    "TagException",
    "UnsupportedOperationException",
    "ValidationException",
  ],
  UntagResource: [
    "AccessDeniedException",
    "InvalidArnException",
    "NotFoundException",
    "UnsupportedOperationException",
    "ValidationException",
  ],
  UpdateKeyDescription: [
    "AccessDeniedException",
    "InvalidArnException",
    "NotFoundException",
    "UnsupportedOperationException",
    "ValidationException",
  ],
  Sign: resolvingKeyIdErrors,
  Verify: resolvingKeyIdErrors,
  GenerateMac: resolvingKeyIdErrors,
  VerifyMac: resolvingKeyIdErrors,
  GetPublicKey: resolvingKeyIdErrors,
};

describe("arbitraries.invalidRequest", () => {
  it.each(operations)("gives the same %s requests for the same seed", (operation) => {
    assertProduceSameValueGivenSameSeed(invalidRequest(operation, { now }), 3);
  });

  it.each(operations)("promises the exact error the %s validator answers", (operation) => {
    assertProduceCorrectValues(
      invalidRequest(operation, { now }),
      ({ operation: named, request, error, reason }) => {
        expect(named).toBe(operation);
        expect(reason.length).toBeGreaterThan(0);
        expect({ reason, answer: verdict(operation, request) }).toEqual({ reason, answer: error });
      },
      200,
    );
  });

  it.each(operations)(
    "covers every kind of error %s can answer before it looks at a key",
    (operation) => {
      const errors = fc.sample(invalidRequest(operation, { now }), { seed: 1, numRuns: 1000 });
      expect([...new Set(errors.map((e) => e.error))].sort()).toEqual(expectedErrors[operation]);
    },
  );

  it("covers each ValidTo violation of decision 8 of ImportKeyMaterial", () => {
    const reasons = new Set(
      fc
        .sample(invalidRequest("ImportKeyMaterial", { now }), { seed: 1, numRuns: 2000 })
        .map((e) => e.reason),
    );
    for (const reason of [
      "ValidTo is missing for material that expires",
      "ValidTo is not after the time of the request",
      "ValidTo is more than 365 days after the time of the request",
      "ValidTo is set for material that does not expire",
    ]) {
      expect(reasons).toContain(reason);
    }
  });

  it("keeps its promises against another account and Region", () => {
    const scope = { accountId: "444455556666", region: "us-gov-west-1" };
    assertProduceCorrectValues(
      invalidRequest("Encrypt", { ...scope, now }),
      ({ request, error }) => {
        expect(verdict("Encrypt", request, { scope, now: context.now })).toBe(error);
      },
    );
  });
});
