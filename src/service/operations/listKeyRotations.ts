import { errAsync } from "neverthrow";
import { keyRotationEntries } from "../../domain/keyRotationEntries.js";
import { requireSymmetricKey } from "../../domain/keyRotationPreconditions.js";
import { kmsError } from "../../domain/kmsError.js";
import {
  type ListKeyRotationsRequest,
  type ListKeyRotationsResponse,
  validateListKeyRotationsRequest,
} from "../../domain/requests/listKeyRotations.js";
import { positionOf } from "../listPosition.js";
import type { OperationHandler } from "../operationDescriptor.js";
import { readKey } from "../readKey.js";
import type { ServiceDeps } from "../serviceDeps.js";

/**
 * ListKeyRotations (docs/decisions/0030-rotation-of-imported-material.md): a page of the key's materials, oldest first, in any key state.
 * The marker is the position of the next entry.
 */
export function listKeyRotations(
  deps: ServiceDeps,
): OperationHandler<ListKeyRotationsRequest, ListKeyRotationsResponse> {
  return (input) => {
    const now = deps.clock.now();
    return validateListKeyRotationsRequest(input, { scope: deps.scope, now }).asyncAndThen(
      ({ arn, includeKeyMaterial, limit, marker }) =>
        readKey(deps, arn, now).andThen((key) => {
          if (key.keySpec !== undefined && includeKeyMaterial !== undefined) {
            return errAsync(
              kmsError(
                "ValidationException",
                "Input parameter includeKeyMaterial can only be used with symmetric keys.",
              ),
            );
          }
          const symmetric = requireSymmetricKey(key);
          if (symmetric.isErr()) return errAsync(symmetric.error);
          const entries = keyRotationEntries(key, includeKeyMaterial ?? "ROTATIONS_ONLY");
          return positionOf(marker, entries.length).map((start) => {
            const end = start + limit;
            const page = entries.slice(start, end);
            return end < entries.length
              ? { Rotations: page, Truncated: true, NextMarker: String(end) }
              : { Rotations: page, Truncated: false };
          });
        }),
    );
  };
}
