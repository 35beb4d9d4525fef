import { okAsync } from "neverthrow";
import { type KeyIdOperation, validateKeyIdRequest } from "../../domain/requests/keyIdRequest.js";
import { validateScheduleKeyDeletionRequest } from "../../domain/requests/scheduleKeyDeletion.js";
import { commitKeyCommand } from "../commitKeyCommand.js";
import type { Kms } from "../kms.js";
import type { ServiceDeps } from "../serviceDeps.js";

/** The state operations: EnableKey, DisableKey, ScheduleKeyDeletion, CancelKeyDeletion (docs/decisions/0013-deletion-window.md, docs/decisions/0014-key-state-errors.md). */
export function keyStateOperations(
  deps: ServiceDeps,
): Pick<Kms, "enableKey" | "disableKey" | "scheduleKeyDeletion" | "cancelKeyDeletion"> {
  const run = (operation: KeyIdOperation, input: unknown) => {
    const now = deps.clock.now();
    return validateKeyIdRequest(input, { scope: deps.scope, now }, operation).asyncAndThen((arn) =>
      commitKeyCommand(deps, arn, now, () => okAsync({ type: operation, arn })),
    );
  };
  return {
    enableKey: (input) => run("EnableKey", input).map(() => ({})),
    disableKey: (input) => run("DisableKey", input).map(() => ({})),
    cancelKeyDeletion: (input) =>
      run("CancelKeyDeletion", input).map(({ key }) => ({ KeyId: key.arn })),
    scheduleKeyDeletion: (input) => {
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
    },
  };
}
