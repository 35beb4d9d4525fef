import fc from "fast-check";
import type { ListKeyRotationsRequest } from "../../../../domain/requests/listKeyRotations.js";
import { enumMember, keyIdMember } from "../commonMembers.js";
import type { GenerationContext } from "../generationContext.js";
import { keyIdViolations } from "../keyIdViolations.js";
import { pageMarker } from "../memberValues.js";
import type { OperationBuilder } from "../operationBuilder.js";
import { unknownEnumValue } from "../unknownEnumValue.js";
import { invalidMember } from "../violation.js";

function valid(context: GenerationContext): fc.Arbitrary<ListKeyRotationsRequest> {
  return fc.record(
    {
      KeyId: context.keyId,
      IncludeKeyMaterial: fc.constantFrom("ALL_KEY_MATERIAL" as const, "ROTATIONS_ONLY" as const),
      Limit: fc.integer({ min: 1, max: 1000 }),
      Marker: pageMarker(),
    },
    { requiredKeys: ["KeyId"], noNullPrototype: true },
  );
}

/**
 * ListKeyRotations: a key ID or key ARN, `IncludeKeyMaterial`, `Limit` 1–1000 and a `Marker`. A
 * generated `Marker` is well-formed but names no page, so a KMS may answer
 * `InvalidMarkerException`.
 */
export const listKeyRotationsRequests: OperationBuilder<ListKeyRotationsRequest> = {
  members: {
    KeyId: keyIdMember,
    IncludeKeyMaterial: enumMember,
    Limit: { shape: "integer", max: 1000 },
    Marker: { shape: "string", max: 1024 },
  },
  valid,
  violations: (context) => {
    const base = valid(context);
    return [
      ...keyIdViolations(base, context, "refuse"),
      invalidMember(
        base,
        "IncludeKeyMaterial",
        unknownEnumValue(),
        "IncludeKeyMaterial is not a known value",
      ),
      invalidMember(base, "Limit", fc.integer({ min: -50, max: 0 }), "Limit is less than 1"),
      invalidMember(base, "Limit", fc.integer({ min: 1001, max: 5000 }), "Limit is more than 1000"),
      invalidMember(base, "Marker", fc.constant(""), "Marker is empty"),
    ];
  },
};
