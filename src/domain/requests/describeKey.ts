import type { Result } from "neverthrow";
import type { KeyArn } from "../keyArn.js";
import type { KeyMetadata } from "../keyMetadata.js";
import type { KmsError } from "../kmsError.js";
import { type RequestContext, readGrantTokens, readKeyRequest } from "./memberRules.js";

/** The DescribeKey request, as in the AWS model. */
export interface DescribeKeyRequest {
  readonly KeyId: string | undefined;
  readonly GrantTokens?: readonly string[] | undefined;
}

/** The DescribeKey response. */
export interface DescribeKeyResponse {
  readonly KeyMetadata: KeyMetadata;
}

/**
 * Validates a DescribeKey request. Aliases are accepted in form but kms-byok has none, so they
 * are not found.
 *
 * Errors: `SerializationException`, `ValidationException`, `NotFoundException`,
 * `AccessDeniedException`, `UnsupportedOperationException`.
 */
export function validateDescribeKeyRequest(
  input: unknown,
  context: RequestContext,
): Result<KeyArn, KmsError> {
  return readKeyRequest(input, context, "DescribeKey", "resolve", (reader) => {
    readGrantTokens(reader);
    return () => ({});
  }).map(({ arn }) => arn);
}
