import type { Result } from "neverthrow";
import type { KeyArn } from "../keyArn.js";
import type { KmsError } from "../kmsError.js";
import { checkPolicyName, readPolicyName } from "./keyPolicyRequests.js";
import { type RequestContext, readKeyRequest } from "./memberRules.js";

/** The GetKeyPolicy request. */
export interface GetKeyPolicyRequest {
  /** A key ID or key ARN; not an alias. */
  readonly KeyId: string | undefined;
  /** `default`, the only policy name, when given. */
  readonly PolicyName?: string | undefined;
}

/** The GetKeyPolicy response. */
export interface GetKeyPolicyResponse {
  readonly Policy: string;
  readonly PolicyName: "default";
}

/**
 * Validates a GetKeyPolicy request.
 *
 * Errors: `SerializationException`, `ValidationException`, the key reference errors,
 * `NotFoundException` for a `PolicyName` other than `default`.
 */
export function validateGetKeyPolicyRequest(
  input: unknown,
  context: RequestContext,
): Result<KeyArn, KmsError> {
  return readKeyRequest(input, context, "GetKeyPolicy", (reader) => {
    const policyName = readPolicyName(reader);
    return () => ({ policyName });
  }).andThen(({ arn, policyName }) => checkPolicyName(policyName).map(() => arn));
}
