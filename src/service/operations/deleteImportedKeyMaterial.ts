import { okAsync } from "neverthrow";
import type {
  DeleteImportedKeyMaterialRequest,
  DeleteImportedKeyMaterialResponse,
} from "../../domain/requests/deleteImportedKeyMaterial.js";
import { validateDeleteImportedKeyMaterialRequest } from "../../domain/requests/deleteImportedKeyMaterial.js";
import { commitKeyCommand } from "../commitKeyCommand.js";
import type { OperationHandler } from "../operationDescriptor.js";
import type { ServiceDeps } from "../serviceDeps.js";

/**
 * DeleteImportedKeyMaterial (docs/decisions/0006-losing-material-means-pending-import.md, docs/decisions/0030-rotation-of-imported-material.md): deletes the material `KeyMaterialId` names, the current
 * one by default; the key keeps its ID. Answers with the ID of the material deleted.
 */
export function deleteImportedKeyMaterial(
  deps: ServiceDeps,
): OperationHandler<DeleteImportedKeyMaterialRequest, DeleteImportedKeyMaterialResponse> {
  return (input) => {
    const now = deps.clock.now();
    return validateDeleteImportedKeyMaterialRequest(input, { scope: deps.scope, now }).asyncAndThen(
      ({ arn, keyMaterialId }) =>
        commitKeyCommand(deps, arn, now, () =>
          okAsync({
            type: "DeleteImportedKeyMaterial" as const,
            arn,
            expectedMaterialId: keyMaterialId,
          }),
        ).map(({ key, events }) => {
          const deleted = events.at(-1)?.keyMaterialId;
          return deleted === undefined
            ? { KeyId: key.arn }
            : { KeyId: key.arn, KeyMaterialId: deleted };
        }),
    );
  };
}
