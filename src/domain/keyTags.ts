import { err, ok, type Result } from "neverthrow";
import type { KeyTag } from "./keyRecord.js";
import { type KmsError, kmsError } from "./kmsError.js";

/** How many tags a key may have (AWS's limit, docs/decisions/0025-tags.md). */
export const maxTagsPerKey = 50;

/**
 * The tags of `existing` with `added` set (docs/decisions/0025-tags.md): a tag key already there
 * gets the new value in its place, new keys go after the others in request order.
 *
 * Errors: `TagException` "Duplicate tag keys" for a key twice in `added`, "Tags beginning with
 * aws: are reserved" for a key starting `aws:` in any case, "Too many tags" when the key would
 * end with more than {@link maxTagsPerKey}.
 *
 * @example
 * ```ts
 * withTags([{ key: "team", value: "a" }], [{ key: "team", value: "b" }]);
 * // ok([{ key: "team", value: "b" }])
 * ```
 */
export function withTags(
  existing: readonly KeyTag[],
  added: readonly KeyTag[],
): Result<readonly KeyTag[], KmsError> {
  const keys = added.map((tag) => tag.key);
  if (new Set(keys).size !== keys.length) return err(tagError("Duplicate tag keys"));
  if (keys.some((key) => key.toLowerCase().startsWith("aws:"))) {
    return err(tagError("Tags beginning with aws: are reserved"));
  }
  const values = new Map(added.map((tag) => [tag.key, tag.value]));
  const kept = existing.map((tag) => ({ key: tag.key, value: values.get(tag.key) ?? tag.value }));
  const known = new Set(existing.map((tag) => tag.key));
  const tags = [...kept, ...added.filter((tag) => !known.has(tag.key))];
  return tags.length > maxTagsPerKey ? err(tagError("Too many tags")) : ok(tags);
}

/** The tags of `existing` without the keys `removed`; keys it does not have are ignored. */
export function withoutTags(
  existing: readonly KeyTag[],
  removed: readonly string[],
): readonly KeyTag[] {
  const gone = new Set(removed);
  return existing.filter((tag) => !gone.has(tag.key));
}

function tagError(message: string): KmsError {
  return kmsError("TagException", message);
}
