import { err, ok } from "neverthrow";
import { aliasArn } from "../../domain/aliasRecord.js";
import { keyIdOf } from "../../domain/keyArn.js";
import { kmsError } from "../../domain/kmsError.js";
import {
  type CreateAliasRequest,
  validateAliasTargetRequest,
} from "../../domain/requests/aliasTargetRequest.js";
import type { EmptyResponse } from "../../domain/requests/keyIdRequest.js";
import { aliasTarget } from "../aliasTarget.js";
import { findAlias } from "../findAlias.js";
import type { OperationHandler } from "../operationDescriptor.js";
import { retryWriteConflicts } from "../retryWriteConflicts.js";
import type { ServiceDeps } from "../serviceDeps.js";

/**
 * CreateAlias: a new name for a key. The write is conditional, so of two requests that create
 * one name at once exactly one succeeds; an alias left behind by a deleted key is replaced
 * (docs/decisions/0023-aliases.md).
 */
export function createAlias(
  deps: ServiceDeps,
): OperationHandler<CreateAliasRequest, EmptyResponse> {
  return (input) => {
    const now = deps.clock.now();
    return validateAliasTargetRequest(
      input,
      { scope: deps.scope, now },
      "CreateAlias",
    ).asyncAndThen(({ aliasName, targetArn }) =>
      retryWriteConflicts(deps.maxWriteAttempts, aliasArn(deps.scope, aliasName), async () => {
        const target = await aliasTarget(deps, targetArn, now, true);
        if (target.isErr()) return err(target.error);
        const found = await findAlias(deps, aliasName, now);
        if (found.isErr()) return err(found.error);
        if (found.value?.live === true) {
          return err(
            kmsError(
              "AlreadyExistsException",
              `An alias with the name ${aliasArn(deps.scope, aliasName)} already exists`,
            ),
          );
        }
        const alias = {
          aliasName,
          ...deps.scope,
          targetKeyId: keyIdOf(targetArn),
          creationDate: now,
          lastUpdatedDate: now,
        };
        const written = await deps.store.putAlias(alias, found.value?.version ?? 0);
        return written.isErr() ? err(written.error) : ok({});
      }),
    );
  };
}
