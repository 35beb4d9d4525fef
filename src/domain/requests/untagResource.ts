import type { Result } from "neverthrow";
import type { KeyArn } from "../keyArn.js";
import type { KmsError } from "../kmsError.js";
import { type RequestContext, readKeyRequest } from "./memberRules.js";
import { present } from "./present.js";
import { tagRule } from "./tagResource.js";

/** The UntagResource request. */
export interface UntagResourceRequest {
  /** A key ID or key ARN; not an alias. */
  readonly KeyId: string | undefined;
  /** Tag keys to remove; keys the key does not have are ignored. */
  readonly TagKeys: readonly string[] | undefined;
}

/** A validated UntagResource request. */
export interface UntagResourceInput {
  readonly arn: KeyArn;
  readonly tagKeys: readonly string[];
}

/**
 * Validates an UntagResource request (`TagKeys` of 1–128 characters each).
 *
 * Errors: `SerializationException`, `ValidationException`, the key reference errors.
 */
export function validateUntagResourceRequest(
  input: unknown,
  context: RequestContext,
): Result<UntagResourceInput, KmsError> {
  return readKeyRequest(input, context, "UntagResource", (reader) => {
    const tagKeys = reader.stringList("TagKeys", {
      required: true,
      maxItems: 50,
      item: tagRule.key,
    });
    return () => ({ tagKeys: present(tagKeys) });
  });
}
