import { okAsync } from "neverthrow";
import type { EmptyResponse } from "../../domain/requests/keyIdRequest.js";
import {
  type UpdateKeyDescriptionRequest,
  validateUpdateKeyDescriptionRequest,
} from "../../domain/requests/updateKeyDescription.js";
import { commitKeyCommand } from "../commitKeyCommand.js";
import type { OperationHandler } from "../operationDescriptor.js";
import type { ServiceDeps } from "../serviceDeps.js";

/** UpdateKeyDescription: replaces the description of a key that is not pending deletion. */
export function updateKeyDescription(
  deps: ServiceDeps,
): OperationHandler<UpdateKeyDescriptionRequest, EmptyResponse> {
  return (input) => {
    const now = deps.clock.now();
    return validateUpdateKeyDescriptionRequest(input, { scope: deps.scope, now }).asyncAndThen(
      ({ arn, description }) =>
        commitKeyCommand(deps, arn, now, () =>
          okAsync({ type: "UpdateKeyDescription", arn, description }),
        ).map(() => ({})),
    );
  };
}
