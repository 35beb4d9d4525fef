import type { Result } from "neverthrow";
import type { KeyArn } from "../keyArn.js";
import type { KmsError } from "../kmsError.js";
import { type RequestContext, readKeyRequest } from "./memberRules.js";
import { present } from "./present.js";

/** The UpdateKeyDescription request. */
export interface UpdateKeyDescriptionRequest {
  /** A key ID or key ARN; not an alias. */
  readonly KeyId: string | undefined;
  /** 0–8192 characters. */
  readonly Description: string | undefined;
}

/** A validated UpdateKeyDescription request. */
export interface UpdateKeyDescriptionInput {
  readonly arn: KeyArn;
  readonly description: string;
}

/**
 * Validates an UpdateKeyDescription request.
 *
 * Errors: `SerializationException`, `ValidationException`, the key reference errors.
 */
export function validateUpdateKeyDescriptionRequest(
  input: unknown,
  context: RequestContext,
): Result<UpdateKeyDescriptionInput, KmsError> {
  return readKeyRequest(input, context, "UpdateKeyDescription", (reader) => {
    const description = reader.string("Description", { required: true, max: 8192 });
    return () => ({ description: present(description) });
  });
}
