import { keyIdOf } from "../../domain/keyArn.js";
import { observeKey } from "../../domain/observeKey.js";
import type { ListKeysRequest, ListKeysResponse } from "../../domain/requests/listKeys.js";
import { validateListKeysRequest } from "../../domain/requests/listKeys.js";
import type { OperationHandler } from "../operationDescriptor.js";
import type { ServiceDeps } from "../serviceDeps.js";

/**
 * ListKeys: a page of the scope's keys, without keys whose deletion date has passed (docs/decisions/0013-deletion-window.md). A key
 * whose stored record does not decode is listed too: it exists, though only ListKeys can say so.
 */
export function listKeys(deps: ServiceDeps): OperationHandler<ListKeysRequest, ListKeysResponse> {
  return (input) => {
    const now = deps.clock.now();
    return validateListKeysRequest(input).asyncAndThen((page) =>
      deps.store.list(deps.scope, page).map(({ records, unreadable = [], nextMarker }) => ({
        Keys: [
          ...records
            .filter((record) => observeKey(record, now).key !== undefined)
            .map(({ arn }) => arn),
          ...unreadable,
        ]
          .sort()
          .map((arn) => ({ KeyId: keyIdOf(arn), KeyArn: arn })),
        Truncated: nextMarker !== undefined,
        ...(nextMarker === undefined ? {} : { NextMarker: nextMarker }),
      })),
    );
  };
}
