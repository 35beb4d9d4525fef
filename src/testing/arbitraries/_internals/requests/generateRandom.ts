import fc from "fast-check";
import type { GenerateRandomRequest } from "../../../../domain/requests/generateRandom.js";
import { recipientMember } from "../commonMembers.js";
import { recipientViolation } from "../dataPlaneViolations.js";
import type { OperationBuilder } from "../operationBuilder.js";
import { changed, invalidMember, missing } from "../violation.js";

function valid(): fc.Arbitrary<GenerateRandomRequest> {
  return fc.record({ NumberOfBytes: fc.integer({ min: 1, max: 1024 }) }, { noNullPrototype: true });
}

/** GenerateRandom: `NumberOfBytes` of 1–1024; no custom key store, no `Recipient`. */
export const generateRandomRequests: OperationBuilder<GenerateRandomRequest> = {
  members: {
    NumberOfBytes: { shape: "integer", max: 1024 },
    CustomKeyStoreId: { shape: "string", max: 64 },
    Recipient: recipientMember,
  },
  valid,
  violations: () => {
    const base = valid();
    return [
      changed(base, missing("NumberOfBytes"), "ValidationException", "NumberOfBytes is missing"),
      invalidMember(
        base,
        "NumberOfBytes",
        fc.oneof(fc.integer({ min: -10, max: 0 }), fc.integer({ min: 1025, max: 5000 })),
        "NumberOfBytes is outside 1–1024",
      ),
      changed(
        base,
        fc.stringMatching(/^cks-[0-9a-f]{17}$/).map((CustomKeyStoreId) => ({ CustomKeyStoreId })),
        "UnsupportedOperationException",
        "CustomKeyStoreId is given",
      ),
      recipientViolation(base),
    ];
  },
};
