import fc from "fast-check";
import type { DeleteImportedKeyMaterialRequest } from "../../../../domain/requests/deleteImportedKeyMaterial.js";
import { keyIdMember, keyMaterialIdMember } from "../commonMembers.js";
import type { GenerationContext } from "../generationContext.js";
import { keyIdViolations } from "../keyIdViolations.js";
import { keyMaterialIdViolation } from "../keyMaterialIdViolation.js";
import { keyMaterialId } from "../memberValues.js";
import type { OperationBuilder } from "../operationBuilder.js";

function valid(context: GenerationContext): fc.Arbitrary<DeleteImportedKeyMaterialRequest> {
  return fc.record(
    { KeyId: context.keyId, KeyMaterialId: keyMaterialId() },
    { requiredKeys: ["KeyId"], noNullPrototype: true },
  );
}

/** DeleteImportedKeyMaterial: a key ID or key ARN, and maybe the `KeyMaterialId` to delete. */
export const deleteImportedKeyMaterialRequests: OperationBuilder<DeleteImportedKeyMaterialRequest> =
  {
    members: { KeyId: keyIdMember, KeyMaterialId: keyMaterialIdMember },
    valid,
    violations: (context) => {
      const base = valid(context);
      return [...keyIdViolations(base, context, "refuse"), keyMaterialIdViolation(base)];
    },
  };
