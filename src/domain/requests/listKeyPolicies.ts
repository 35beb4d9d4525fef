import type { Result } from "neverthrow";
import type { KeyArn } from "../keyArn.js";
import type { KmsError } from "../kmsError.js";
import { type RequestContext, readKeyRequest } from "./memberRules.js";

/** The ListKeyPolicies request. */
export interface ListKeyPoliciesRequest {
  /** A key ID or key ARN; not an alias. */
  readonly KeyId: string | undefined;
  /** 1–1000; every key has one policy, so one page always holds it. */
  readonly Limit?: number | undefined;
  /** kms-byok hands out no ListKeyPolicies marker, so any marker is refused. */
  readonly Marker?: string | undefined;
}

/** The ListKeyPolicies response: always `["default"]`. */
export interface ListKeyPoliciesResponse {
  readonly PolicyNames: "default"[];
  readonly Truncated: false;
}

/** A validated ListKeyPolicies request. */
export interface ListKeyPoliciesInput {
  readonly arn: KeyArn;
  readonly marker?: string;
}

/**
 * Validates a ListKeyPolicies request (`Limit` 1–1000, `Marker` 1–1024 printable characters).
 *
 * Errors: `SerializationException`, `ValidationException`, the key reference errors.
 */
export function validateListKeyPoliciesRequest(
  input: unknown,
  context: RequestContext,
): Result<ListKeyPoliciesInput, KmsError> {
  return readKeyRequest(input, context, "ListKeyPolicies", (reader) => {
    reader.integer("Limit", { min: 1, max: 1000 });
    const marker = reader.string("Marker", { min: 1, max: 1024, pattern: /^[\u0020-\u00FF]*$/ });
    return () => (marker === undefined ? {} : { marker });
  });
}
