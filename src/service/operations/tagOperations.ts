import { okAsync } from "neverthrow";
import type { EmptyResponse } from "../../domain/requests/keyIdRequest.js";
import {
  type ListResourceTagsRequest,
  type ListResourceTagsResponse,
  validateListResourceTagsRequest,
} from "../../domain/requests/listResourceTags.js";
import {
  type TagResourceRequest,
  validateTagResourceRequest,
} from "../../domain/requests/tagResource.js";
import {
  type UntagResourceRequest,
  validateUntagResourceRequest,
} from "../../domain/requests/untagResource.js";
import { commitKeyCommand } from "../commitKeyCommand.js";
import { positionOf } from "../listPosition.js";
import type { OperationHandler } from "../operationDescriptor.js";
import { readKey } from "../readKey.js";
import type { ServiceDeps } from "../serviceDeps.js";

// The tag operations (docs/decisions/0025-tags.md).

/** TagResource: sets tags on a key that is not pending deletion; a key already set gets the new value. */
export function tagResource(
  deps: ServiceDeps,
): OperationHandler<TagResourceRequest, EmptyResponse> {
  return (input) => {
    const now = deps.clock.now();
    return validateTagResourceRequest(input, { scope: deps.scope, now }).asyncAndThen(
      ({ arn, tags }) =>
        commitKeyCommand(deps, arn, now, () => okAsync({ type: "TagResource", arn, tags })).map(
          () => ({}),
        ),
    );
  };
}

/** UntagResource: removes tags by key from a key that is not pending deletion; unknown keys are ignored. */
export function untagResource(
  deps: ServiceDeps,
): OperationHandler<UntagResourceRequest, EmptyResponse> {
  return (input) => {
    const now = deps.clock.now();
    return validateUntagResourceRequest(input, { scope: deps.scope, now }).asyncAndThen(
      ({ arn, tagKeys }) =>
        commitKeyCommand(deps, arn, now, () =>
          okAsync({ type: "UntagResource", arn, tagKeys }),
        ).map(() => ({})),
    );
  };
}

/**
 * ListResourceTags: a page of the key's tags in the order they were first set, in any key
 * state. The marker is the position of the next tag.
 */
export function listResourceTags(
  deps: ServiceDeps,
): OperationHandler<ListResourceTagsRequest, ListResourceTagsResponse> {
  return (input) => {
    const now = deps.clock.now();
    return validateListResourceTagsRequest(input, { scope: deps.scope, now }).asyncAndThen(
      ({ arn, limit, marker }) =>
        readKey(deps, arn, now).andThen((key) => {
          const tags = key.tags ?? [];
          return positionOf(marker, tags.length).map((start) => {
            const end = start + limit;
            const page = tags
              .slice(start, end)
              .map((tag) => ({ TagKey: tag.key, TagValue: tag.value }));
            return end < tags.length
              ? { Tags: page, Truncated: true, NextMarker: String(end) }
              : { Tags: page, Truncated: false };
          });
        }),
    );
  };
}
