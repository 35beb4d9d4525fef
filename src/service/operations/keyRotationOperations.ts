import { okAsync } from "neverthrow";
import { requireRotatable } from "../../domain/keyRotationPreconditions.js";
import { keyRotationStatus } from "../../domain/keyRotationStatus.js";
import {
  type EnableKeyRotationRequest,
  type GetKeyRotationStatusResponse,
  validateEnableKeyRotationRequest,
} from "../../domain/requests/enableKeyRotation.js";
import {
  type DisableKeyRotationRequest,
  type EmptyResponse,
  type GetKeyRotationStatusRequest,
  validateKeyIdRequest,
} from "../../domain/requests/keyIdRequest.js";
import { commitKeyCommand } from "../commitKeyCommand.js";
import type { OperationHandler } from "../operationDescriptor.js";
import { readKey } from "../readKey.js";
import type { ServiceDeps } from "../serviceDeps.js";

// Automatic rotation settings of AWS_KMS keys: recorded, not performed
// (docs/decisions/0026-rotation-settings.md). EXTERNAL keys refuse them as AWS does.

/** EnableKeyRotation: turns automatic rotation on for an `Enabled` `AWS_KMS` key. */
export function enableKeyRotation(
  deps: ServiceDeps,
): OperationHandler<EnableKeyRotationRequest, EmptyResponse> {
  return (input) => {
    const now = deps.clock.now();
    return validateEnableKeyRotationRequest(input, { scope: deps.scope, now }).asyncAndThen(
      ({ arn, periodInDays }) =>
        commitKeyCommand(deps, arn, now, () =>
          okAsync({ type: "EnableKeyRotation", arn, periodInDays }),
        ).map(() => ({})),
    );
  };
}

/** DisableKeyRotation: turns automatic rotation off for an `Enabled` `AWS_KMS` key. */
export function disableKeyRotation(
  deps: ServiceDeps,
): OperationHandler<DisableKeyRotationRequest, EmptyResponse> {
  return (input) => {
    const now = deps.clock.now();
    return validateKeyIdRequest(
      input,
      { scope: deps.scope, now },
      "DisableKeyRotation",
    ).asyncAndThen((arn) =>
      commitKeyCommand(deps, arn, now, () => okAsync({ type: "DisableKeyRotation", arn })).map(
        () => ({}),
      ),
    );
  };
}

/** GetKeyRotationStatus: whether an `AWS_KMS` key rotates, with its period and next date. */
export function getKeyRotationStatus(
  deps: ServiceDeps,
): OperationHandler<GetKeyRotationStatusRequest, GetKeyRotationStatusResponse> {
  return (input) => {
    const now = deps.clock.now();
    return validateKeyIdRequest(input, { scope: deps.scope, now }, "GetKeyRotationStatus")
      .asyncAndThen((arn) => readKey(deps, arn, now))
      .andThen((key) => requireRotatable(key, false))
      .map((key) => ({ KeyId: key.arn, ...keyRotationStatus(key, now) }));
  };
}
