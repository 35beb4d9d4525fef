import { okAsync } from "neverthrow";
import {
  type CancelKeyDeletionRequest,
  type CancelKeyDeletionResponse,
  type DisableKeyRequest,
  type EmptyResponse,
  type EnableKeyRequest,
  validateKeyIdRequest,
} from "../../domain/requests/keyIdRequest.js";
import {
  type ScheduleKeyDeletionRequest,
  type ScheduleKeyDeletionResponse,
  validateScheduleKeyDeletionRequest,
} from "../../domain/requests/scheduleKeyDeletion.js";
import { commitKeyCommand } from "../commitKeyCommand.js";
import type { OperationHandler } from "../operationDescriptor.js";
import type { ServiceDeps } from "../serviceDeps.js";

// The state operations: EnableKey, DisableKey, ScheduleKeyDeletion, CancelKeyDeletion
// (docs/decisions/0013-deletion-window.md, docs/decisions/0014-key-state-errors.md).

/** Validates a key-ID-only request and commits its command on the key. */
function commitKeyIdOperation(
  deps: ServiceDeps,
  operation: "EnableKey" | "DisableKey" | "CancelKeyDeletion",
  input: unknown,
) {
  const now = deps.clock.now();
  return validateKeyIdRequest(input, { scope: deps.scope, now }, operation).asyncAndThen((arn) =>
    commitKeyCommand(deps, arn, now, () => okAsync({ type: operation, arn })),
  );
}

/** EnableKey: a `Disabled` key with material becomes `Enabled`. */
export function enableKey(deps: ServiceDeps): OperationHandler<EnableKeyRequest, EmptyResponse> {
  return (input) => commitKeyIdOperation(deps, "EnableKey", input).map(() => ({}));
}

/** DisableKey: an `Enabled` key becomes `Disabled`. */
export function disableKey(deps: ServiceDeps): OperationHandler<DisableKeyRequest, EmptyResponse> {
  return (input) => commitKeyIdOperation(deps, "DisableKey", input).map(() => ({}));
}

/** CancelKeyDeletion: `Disabled` with material, `PendingImport` without. */
export function cancelKeyDeletion(
  deps: ServiceDeps,
): OperationHandler<CancelKeyDeletionRequest, CancelKeyDeletionResponse> {
  return (input) =>
    commitKeyIdOperation(deps, "CancelKeyDeletion", input).map(({ key }) => ({ KeyId: key.arn }));
}

/** ScheduleKeyDeletion: `PendingDeletion` until the `DeletionDate` 7–30 days ahead. */
export function scheduleKeyDeletion(
  deps: ServiceDeps,
): OperationHandler<ScheduleKeyDeletionRequest, ScheduleKeyDeletionResponse> {
  return (input) => {
    const now = deps.clock.now();
    return validateScheduleKeyDeletionRequest(input, { scope: deps.scope, now }).asyncAndThen(
      ({ arn, pendingWindowInDays }) =>
        commitKeyCommand(deps, arn, now, () =>
          okAsync({ type: "ScheduleKeyDeletion" as const, arn, pendingWindowInDays }),
        ).map(({ key }) => {
          if (key.keyState !== "PendingDeletion")
            throw new TypeError("ScheduleKeyDeletion must leave the key pending deletion.");
          return {
            KeyId: key.arn,
            DeletionDate: key.deletionDate,
            KeyState: key.keyState,
            PendingWindowInDays: key.pendingWindowInDays,
          };
        }),
    );
  };
}
