import type { Result } from "neverthrow";
import type { KeyArn } from "../keyArn.js";
import type { KeyTag } from "../keyRecord.js";
import { withTags } from "../keyTags.js";
import type { KmsError } from "../kmsError.js";
import { type RequestContext, readKeyRequest } from "./memberRules.js";
import { present } from "./present.js";

/** One tag as the AWS model spells it. */
export interface Tag {
  /** 1–128 characters; not starting with `aws:` in any case. */
  readonly TagKey: string | undefined;
  /** 0–256 characters. */
  readonly TagValue: string | undefined;
}

/** `TagKey` 1–128 characters, `TagValue` 0–256, as the AWS model bounds them. */
export const tagRule = { key: { min: 1, max: 128 }, value: { min: 0, max: 256 } } as const;

/** The TagResource request. */
export interface TagResourceRequest {
  /** A key ID or key ARN; not an alias. */
  readonly KeyId: string | undefined;
  readonly Tags: readonly Tag[] | undefined;
}

/** A validated TagResource request. */
export interface TagResourceInput {
  readonly arn: KeyArn;
  readonly tags: readonly KeyTag[];
}

/**
 * Validates a TagResource request and the tag rules a request can break on its own: a key twice,
 * an `aws:` key, more than 50 tags (docs/decisions/0025-tags.md). Whether the key can take them
 * all is the key's to say.
 *
 * Errors: `SerializationException`, `ValidationException`, the key reference errors,
 * `TagException`.
 */
export function validateTagResourceRequest(
  input: unknown,
  context: RequestContext,
): Result<TagResourceInput, KmsError> {
  return readKeyRequest(input, context, "TagResource", (reader) => {
    const tags = reader.tags("Tags", { ...tagRule, required: true });
    return () => ({ tags: present(tags) });
  }).andThen((request) => withTags([], request.tags).map(() => request));
}
