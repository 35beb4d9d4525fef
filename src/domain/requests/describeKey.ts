import type { Result } from "neverthrow";
import type { KeyMetadata } from "../keyMetadata.js";
import type { KmsError } from "../kmsError.js";
import type { KeyReference } from "../resolveKeyReference.js";
import { type RequestContext, readAliasableKeyRequest, readGrantTokens } from "./memberRules.js";

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
 * Validates a DescribeKey request; `KeyId` may be an alias name or alias ARN.
 *
 * Errors: `SerializationException`, `ValidationException`, `NotFoundException`,
 * `AccessDeniedException`, `UnsupportedOperationException`.
 */
export function validateDescribeKeyRequest(
  input: unknown,
  context: RequestContext,
): Result<KeyReference, KmsError> {
  return readAliasableKeyRequest(input, context, "DescribeKey", (reader) => {
    readGrantTokens(reader);
    return () => ({});
  }).map(({ key }) => key);
}
