import fc from "fast-check";
import type { ListResourceTagsRequest } from "../../../../domain/requests/listResourceTags.js";
import type { TagResourceRequest } from "../../../../domain/requests/tagResource.js";
import type { UntagResourceRequest } from "../../../../domain/requests/untagResource.js";
import { keyIdMember } from "../commonMembers.js";
import type { GenerationContext } from "../generationContext.js";
import { keyIdViolations } from "../keyIdViolations.js";
import { longString, pageMarker } from "../memberValues.js";
import type { OperationBuilder } from "../operationBuilder.js";
import { tagKey, tags, tagsViolations } from "../tagValues.js";
import { changed, invalidMember, missing } from "../violation.js";

function validTagResource(context: GenerationContext): fc.Arbitrary<TagResourceRequest> {
  return fc.record({ KeyId: context.keyId, Tags: tags(4) }, { noNullPrototype: true });
}

/** TagResource: a key ID or key ARN and tags with distinct keys (docs/decisions/0025-tags.md). */
export const tagResourceRequests: OperationBuilder<TagResourceRequest> = {
  members: { KeyId: keyIdMember, Tags: { shape: "tags", max: 50 } },
  valid: validTagResource,
  violations: (context) => {
    const base = validTagResource(context);
    return [
      ...keyIdViolations(base, context, "refuse"),
      changed(base, missing("Tags"), "ValidationException", "Tags is missing"),
      ...tagsViolations(base),
    ];
  },
};

function validUntagResource(context: GenerationContext): fc.Arbitrary<UntagResourceRequest> {
  return fc.record(
    { KeyId: context.keyId, TagKeys: fc.array(tagKey, { maxLength: 4 }) },
    { noNullPrototype: true },
  );
}

/** UntagResource: a key ID or key ARN and tag keys of 1–128 characters. */
export const untagResourceRequests: OperationBuilder<UntagResourceRequest> = {
  members: { KeyId: keyIdMember, TagKeys: { shape: "stringList", max: 50 } },
  valid: validUntagResource,
  violations: (context) => {
    const base = validUntagResource(context);
    return [
      ...keyIdViolations(base, context, "refuse"),
      changed(base, missing("TagKeys"), "ValidationException", "TagKeys is missing"),
      invalidMember(
        base,
        "TagKeys",
        fc.oneof(
          fc.constant([""]),
          longString(129, 300).map((key) => [key]),
        ),
        "TagKeys has a key that is empty or over 128 characters",
      ),
    ];
  },
};

function validListResourceTags(context: GenerationContext): fc.Arbitrary<ListResourceTagsRequest> {
  return fc.record(
    {
      KeyId: context.keyId,
      Limit: fc.integer({ min: 1, max: 50 }),
      Marker: pageMarker(),
    },
    { requiredKeys: ["KeyId"], noNullPrototype: true },
  );
}

/**
 * ListResourceTags: a key ID or key ARN, `Limit` 1–50 and a `Marker`. A generated `Marker` is
 * well-formed but names no page, so a KMS may answer `InvalidMarkerException`.
 */
export const listResourceTagsRequests: OperationBuilder<ListResourceTagsRequest> = {
  members: {
    KeyId: keyIdMember,
    Limit: { shape: "integer", max: 50 },
    Marker: { shape: "string", max: 1024 },
  },
  valid: validListResourceTags,
  violations: (context) => {
    const base = validListResourceTags(context);
    return [
      ...keyIdViolations(base, context, "refuse"),
      invalidMember(base, "Limit", fc.integer({ min: -50, max: 0 }), "Limit is less than 1"),
      invalidMember(base, "Limit", fc.integer({ min: 51, max: 1000 }), "Limit is more than 50"),
      invalidMember(base, "Marker", fc.constant(""), "Marker is empty"),
    ];
  },
};
