import { err, ok } from "neverthrow";
import { aliasArn } from "../../domain/aliasRecord.js";
import {
  type DeleteAliasRequest,
  validateDeleteAliasRequest,
} from "../../domain/requests/deleteAlias.js";
import type { EmptyResponse } from "../../domain/requests/keyIdRequest.js";
import { aliasNotFound } from "../../domain/resolveKeyReference.js";
import { findAlias } from "../findAlias.js";
import type { OperationHandler } from "../operationDescriptor.js";
import { retryWriteConflicts } from "../retryWriteConflicts.js";
import type { ServiceDeps } from "../serviceDeps.js";

/** DeleteAlias: removes an alias; its key is not affected. Works in every key state. */
export function deleteAlias(
  deps: ServiceDeps,
): OperationHandler<DeleteAliasRequest, EmptyResponse> {
  return (input) => {
    const now = deps.clock.now();
    return validateDeleteAliasRequest(input).asyncAndThen((aliasName) => {
      const arn = aliasArn(deps.scope, aliasName);
      return retryWriteConflicts(deps.maxWriteAttempts, arn, async () => {
        const found = await findAlias(deps, aliasName, now);
        if (found.isErr()) return err(found.error);
        if (found.value?.live !== true) return err(aliasNotFound(arn));
        const deleted = await deps.store.deleteAlias(deps.scope, aliasName, found.value.version);
        return deleted.isErr() ? err(deleted.error) : ok({});
      });
    });
  };
}
