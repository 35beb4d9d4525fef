import { errAsync, okAsync } from "neverthrow";
import { defaultKeyPolicy } from "../../domain/keyPolicy.js";
import { kmsError } from "../../domain/kmsError.js";
import {
  type GetKeyPolicyRequest,
  type GetKeyPolicyResponse,
  validateGetKeyPolicyRequest,
} from "../../domain/requests/getKeyPolicy.js";
import type { EmptyResponse } from "../../domain/requests/keyIdRequest.js";
import {
  type ListKeyPoliciesRequest,
  type ListKeyPoliciesResponse,
  validateListKeyPoliciesRequest,
} from "../../domain/requests/listKeyPolicies.js";
import {
  type PutKeyPolicyRequest,
  validatePutKeyPolicyRequest,
} from "../../domain/requests/putKeyPolicy.js";
import { commitKeyCommand } from "../commitKeyCommand.js";
import type { OperationHandler } from "../operationDescriptor.js";
import { readKey } from "../readKey.js";
import type { ServiceDeps } from "../serviceDeps.js";

// The key policy operations: policies are stored and validated, never enforced
// (docs/decisions/0027-key-policies.md). They work in every key state.

/** GetKeyPolicy: the policy as it was set, or AWS's default policy for the account. */
export function getKeyPolicy(
  deps: ServiceDeps,
): OperationHandler<GetKeyPolicyRequest, GetKeyPolicyResponse> {
  return (input) => {
    const now = deps.clock.now();
    return validateGetKeyPolicyRequest(input, { scope: deps.scope, now }).asyncAndThen((arn) =>
      readKey(deps, arn, now).map((key) => ({
        Policy: key.policy ?? defaultKeyPolicy(key),
        PolicyName: "default" as const,
      })),
    );
  };
}

/** PutKeyPolicy: replaces the key's policy with a checked JSON document. */
export function putKeyPolicy(
  deps: ServiceDeps,
): OperationHandler<PutKeyPolicyRequest, EmptyResponse> {
  return (input) => {
    const now = deps.clock.now();
    return validatePutKeyPolicyRequest(input, { scope: deps.scope, now }).asyncAndThen(
      ({ arn, policy }) =>
        commitKeyCommand(deps, arn, now, () => okAsync({ type: "PutKeyPolicy", arn, policy })).map(
          () => ({}),
        ),
    );
  };
}

/** ListKeyPolicies: `["default"]`, the one policy every key has. */
export function listKeyPolicies(
  deps: ServiceDeps,
): OperationHandler<ListKeyPoliciesRequest, ListKeyPoliciesResponse> {
  return (input) => {
    const now = deps.clock.now();
    return validateListKeyPoliciesRequest(input, { scope: deps.scope, now }).asyncAndThen(
      ({ arn, marker }) =>
        marker !== undefined
          ? errAsync(
              kmsError(
                "InvalidMarkerException",
                "The request was rejected because the marker is not valid.",
              ),
            )
          : readKey(deps, arn, now).map(() => ({
              PolicyNames: ["default" as const],
              Truncated: false as const,
            })),
    );
  };
}
