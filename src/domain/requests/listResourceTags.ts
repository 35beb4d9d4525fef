import type { Result } from "neverthrow";
import type { KeyArn } from "../keyArn.js";
import type { KmsError } from "../kmsError.js";
import { type RequestContext, readKeyRequest } from "./memberRules.js";

/** The ListResourceTags request. */
export interface ListResourceTagsRequest {
  /** A key ID or key ARN; not an alias. */
  readonly KeyId: string | undefined;
  /** 1–50 tags per page; 50 when absent. */
  readonly Limit?: number | undefined;
  /** The `NextMarker` of the previous page. */
  readonly Marker?: string | undefined;
}

/** The ListResourceTags response: a page of the key's tags, in the order they were first set. */
export interface ListResourceTagsResponse {
  readonly Tags: { readonly TagKey: string; readonly TagValue: string }[];
  readonly Truncated: boolean;
  readonly NextMarker?: string;
}

/** A validated ListResourceTags request. */
export interface ListResourceTagsInput {
  readonly arn: KeyArn;
  readonly limit: number;
  readonly marker?: string;
}

/**
 * Validates a ListResourceTags request (`Limit` 1–50, `Marker` 1–1024 printable characters).
 *
 * Errors: `SerializationException`, `ValidationException`, the key reference errors.
 */
export function validateListResourceTagsRequest(
  input: unknown,
  context: RequestContext,
): Result<ListResourceTagsInput, KmsError> {
  return readKeyRequest(input, context, "ListResourceTags", (reader) => {
    const limit = reader.integer("Limit", { min: 1, max: 50 }) ?? 50;
    const marker = reader.string("Marker", { min: 1, max: 1024, pattern: /^[\u0020-\u00FF]*$/ });
    return () => (marker === undefined ? { limit } : { limit, marker });
  });
}
