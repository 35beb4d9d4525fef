import { okAsync, type ResultAsync } from "neverthrow";
import { aliasArn } from "../../domain/aliasRecord.js";
import { keyIdOf } from "../../domain/keyArn.js";
import type { KmsError } from "../../domain/kmsError.js";
import {
  type ListAliasesRequest,
  type ListAliasesResponse,
  validateListAliasesRequest,
} from "../../domain/requests/listAliases.js";
import type { AliasPageRequest } from "../../ports/keyStore.js";
import type { OperationHandler } from "../operationDescriptor.js";
import { readKey } from "../readKey.js";
import type { ServiceDeps } from "../serviceDeps.js";

/**
 * ListAliases: a page of the scope's aliases in name order, or of one key's. Aliases whose key
 * no longer exists are not listed; kms-byok has no AWS managed aliases (docs/decisions/0023-aliases.md).
 */
export function listAliases(
  deps: ServiceDeps,
): OperationHandler<ListAliasesRequest, ListAliasesResponse> {
  return (input) => {
    const now = deps.clock.now();
    return validateListAliasesRequest(input, { scope: deps.scope, now }).asyncAndThen(
      ({ targetArn, ...page }) => {
        const request: ResultAsync<AliasPageRequest, KmsError> =
          targetArn === undefined
            ? okAsync(page)
            : readKey(deps, targetArn, now).map(() => ({
                ...page,
                targetKeyId: keyIdOf(targetArn),
              }));
        return request
          .andThen((request) => deps.store.listAliases(deps.scope, request, now))
          .map(({ aliases, nextMarker }) => ({
            Aliases: aliases.map((alias) => ({
              AliasName: alias.aliasName,
              AliasArn: aliasArn(deps.scope, alias.aliasName),
              TargetKeyId: alias.targetKeyId,
              CreationDate: alias.creationDate,
              LastUpdatedDate: alias.lastUpdatedDate,
            })),
            Truncated: nextMarker !== undefined,
            ...(nextMarker === undefined ? {} : { NextMarker: nextMarker }),
          }));
      },
    );
  };
}
