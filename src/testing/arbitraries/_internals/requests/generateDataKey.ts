import fc from "fast-check";
import type { GenerateDataKeyRequest } from "../../../../domain/requests/generateDataKey.js";
import {
  booleanMember,
  encryptionContextMember,
  enumMember,
  grantTokensMember,
  keyIdMember,
  recipientMember,
} from "../commonMembers.js";
import {
  encryptionContextViolation,
  grantTokenViolations,
  recipientViolation,
} from "../dataPlaneViolations.js";
import type { GenerationContext } from "../generationContext.js";
import { keyIdViolations } from "../keyIdViolations.js";
import { encryptionContext, grantTokens } from "../memberValues.js";
import type { OperationBuilder } from "../operationBuilder.js";
import { unknownEnumValue } from "../unknownEnumValue.js";
import { absent, changed, invalidMember, type Violation } from "../violation.js";

const dataKeySize = fc.oneof(
  fc.record({ KeySpec: fc.constantFrom("AES_256" as const, "AES_128" as const) }),
  fc.record({ NumberOfBytes: fc.integer({ min: 1, max: 1024 }) }),
);

function valid(context: GenerationContext): fc.Arbitrary<GenerateDataKeyRequest> {
  return fc
    .tuple(
      fc.record(
        {
          KeyId: context.keyId,
          EncryptionContext: encryptionContext(),
          GrantTokens: grantTokens(),
          DryRun: fc.boolean(),
        },
        { requiredKeys: ["KeyId"], noNullPrototype: true },
      ),
      dataKeySize,
    )
    .map(([request, size]) => ({ ...request, ...size }));
}

function sizeViolations(base: fc.Arbitrary<object>): fc.Arbitrary<Violation>[] {
  const numberOfBytes = (min: number, max: number, reason: string) =>
    changed(
      base,
      fc.integer({ min, max }).map((NumberOfBytes) => ({ KeySpec: absent, NumberOfBytes })),
      "ValidationException",
      reason,
    );
  return [
    numberOfBytes(-1024, 0, "NumberOfBytes is less than 1"),
    numberOfBytes(1025, 1e6, "NumberOfBytes is more than 1024"),
    invalidMember(base, "KeySpec", unknownEnumValue(), "KeySpec is not a known value"),
    changed(
      base,
      fc.constant({ KeySpec: "AES_256", NumberOfBytes: 32 }),
      "ValidationException",
      "both KeySpec and NumberOfBytes are given",
    ),
    changed(
      base,
      fc.constant({ KeySpec: absent, NumberOfBytes: absent }),
      "ValidationException",
      "neither KeySpec nor NumberOfBytes is given",
    ),
  ];
}

/**
 * GenerateDataKey (`withRecipient`) or GenerateDataKeyWithoutPlaintext: a key reference and
 * exactly one of `KeySpec` and `NumberOfBytes` (1–1024).
 */
export function generateDataKeyRequests(
  withRecipient: boolean,
): OperationBuilder<GenerateDataKeyRequest> {
  return {
    members: {
      KeyId: keyIdMember,
      EncryptionContext: encryptionContextMember,
      KeySpec: enumMember,
      NumberOfBytes: { shape: "integer", max: 1024 },
      GrantTokens: grantTokensMember,
      ...(withRecipient ? { Recipient: recipientMember } : {}),
      DryRun: booleanMember,
    },
    valid,
    violations: (context) => {
      const base = valid(context);
      return [
        ...keyIdViolations(base, context, "resolve"),
        ...sizeViolations(base),
        encryptionContextViolation(base),
        ...grantTokenViolations(base),
        ...(withRecipient ? [recipientViolation(base)] : []),
      ];
    },
  };
}
