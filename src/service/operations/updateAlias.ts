import { err, ok } from "neverthrow";
import { aliasArn } from "../../domain/aliasRecord.js";
import { keyIdOf } from "../../domain/keyArn.js";
import {
  type UpdateAliasRequest,
  validateAliasTargetRequest,
} from "../../domain/requests/aliasTargetRequest.js";
import type { EmptyResponse } from "../../domain/requests/keyIdRequest.js";
import { aliasNotFound } from "../../domain/resolveKeyReference.js";
import { aliasTarget } from "../aliasTarget.js";
import { findAlias } from "../findAlias.js";
import type { OperationHandler } from "../operationDescriptor.js";
import { retryWriteConflicts } from "../retryWriteConflicts.js";
import type { ServiceDeps } from "../serviceDeps.js";

/** UpdateAlias: points an existing alias at another key (or the same one) of the account and Region. */
export function updateAlias(
  deps: ServiceDeps,
): OperationHandler<UpdateAliasRequest, EmptyResponse> {
  return (input) => {
    const now = deps.clock.now();
    return validateAliasTargetRequest(
      input,
      { scope: deps.scope, now },
      "UpdateAlias",
    ).asyncAndThen(({ aliasName, targetArn }) => {
      const arn = aliasArn(deps.scope, aliasName);
      return retryWriteConflicts(deps.maxWriteAttempts, arn, async () => {
        const found = await findAlias(deps, aliasName, now);
        if (found.isErr()) return err(found.error);
        if (found.value?.live !== true) return err(aliasNotFound(arn));
        const { alias, version } = found.value;
        const moves = alias.targetKeyId !== keyIdOf(targetArn);
        const target = await aliasTarget(deps, targetArn, now, moves);
        if (target.isErr()) return err(target.error);
        const moved = { ...alias, targetKeyId: keyIdOf(targetArn), lastUpdatedDate: now };
        const written = await deps.store.putAlias(moved, version);
        return written.isErr() ? err(written.error) : ok({});
      });
    });
  };
}
