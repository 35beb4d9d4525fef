import type { Result } from "neverthrow";
import type { KeyArn } from "../keyArn.js";
import { checkKeyPolicy } from "../keyPolicy.js";
import type { KmsError } from "../kmsError.js";
import { checkPolicyName, policyRule, readPolicyName } from "./keyPolicyRequests.js";
import { type RequestContext, readKeyRequest } from "./memberRules.js";
import { present } from "./present.js";

/** The PutKeyPolicy request. */
export interface PutKeyPolicyRequest {
  /** A key ID or key ARN; not an alias. */
  readonly KeyId: string | undefined;
  /** `default`, the only policy name, when given. */
  readonly PolicyName?: string | undefined;
  /** The policy document: JSON, stored as given and not enforced (docs/decisions/0027-key-policies.md). */
  readonly Policy: string | undefined;
  /** Read and ignored: kms-byok does not enforce policies, so none can lock anyone out. */
  readonly BypassPolicyLockoutSafetyCheck?: boolean | undefined;
}

/** A validated PutKeyPolicy request. */
export interface PutKeyPolicyInput {
  readonly arn: KeyArn;
  readonly policy: string;
}

/**
 * Validates a PutKeyPolicy request.
 *
 * Errors: `SerializationException`, `ValidationException`, the key reference errors,
 * `NotFoundException` for a `PolicyName` other than `default`, `MalformedPolicyDocumentException`
 * and `LimitExceededException` from `checkKeyPolicy`.
 */
export function validatePutKeyPolicyRequest(
  input: unknown,
  context: RequestContext,
): Result<PutKeyPolicyInput, KmsError> {
  return readKeyRequest(input, context, "PutKeyPolicy", (reader) => {
    const policyName = readPolicyName(reader);
    const policy = reader.string("Policy", { required: true, ...policyRule });
    reader.boolean("BypassPolicyLockoutSafetyCheck");
    return () => ({ policyName, policy: present(policy) });
  }).andThen(({ arn, policyName, policy }) =>
    checkPolicyName(policyName)
      .andThen(() => checkKeyPolicy(policy))
      .map(() => ({ arn, policy })),
  );
}
