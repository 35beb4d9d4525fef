import fc from "fast-check";
import type { GetParametersForImportRequest } from "../../../../domain/requests/getParametersForImport.js";
import { wrappingParameters } from "../../wrappingParameters.js";
import { enumMember, keyIdMember } from "../commonMembers.js";
import type { GenerationContext } from "../generationContext.js";
import { keyIdViolations } from "../keyIdViolations.js";
import type { OperationBuilder } from "../operationBuilder.js";
import { applyChanges, changed, missing } from "../violation.js";

function valid(context: GenerationContext): fc.Arbitrary<GetParametersForImportRequest> {
  return fc
    .tuple(context.keyId, wrappingParameters())
    .map(([KeyId, wrapping]) => ({ KeyId, ...wrapping }));
}

/** GetParametersForImport: a key ID or key ARN and a wrapping pair of docs/decisions/0003-rsa-wrapping-table.md. */
export const getParametersForImportRequests: OperationBuilder<GetParametersForImportRequest> = {
  members: { KeyId: keyIdMember, WrappingAlgorithm: enumMember, WrappingKeySpec: enumMember },
  valid,
  violations: (context) => {
    const base = valid(context);
    return [
      ...keyIdViolations(base, context, "refuse"),
      changed(
        base,
        missing("WrappingAlgorithm"),
        "ValidationException",
        "WrappingAlgorithm is missing",
      ),
      changed(
        base,
        missing("WrappingKeySpec"),
        "ValidationException",
        "WrappingKeySpec is missing",
      ),
      fc
        .tuple(base, wrappingParameters({ supported: false }))
        .map(([request, { error, reason, ...pair }]) => ({
          request: applyChanges(request, pair),
          error,
          reason,
        })),
    ];
  },
};
