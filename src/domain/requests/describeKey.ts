import type { Result } from "neverthrow";
import type { KeyArn } from "../keyArn.js";
import type { KeyMetadata } from "../keyMetadata.js";
import type { KmsError } from "../kmsError.js";
import { resolveKeyReference } from "../resolveKeyReference.js";
import { keyIdRule, type RequestContext, readGrantTokens } from "./memberRules.js";
import { present, RequestReader } from "./requestReader.js";

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
  return RequestReader.of(input)
    .andThen((reader) => {
      const keyId = reader.string("KeyId", keyIdRule);
      readGrantTokens(reader);
      return reader.finish(() => present(keyId));
    })
    .andThen((keyId) => resolveKeyReference(keyId, context.scope, "DescribeKey", "resolve"));
}
