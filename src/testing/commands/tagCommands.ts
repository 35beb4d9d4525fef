import type { ListResourceTagsResponse } from "../../domain/requests/listResourceTags.js";
import { type KeyRef, resolveKeyRef, showKeyRef } from "../model/keyRef.js";
import { lookUpKey } from "../model/lookUpKey.js";
import type { ModelTag } from "../model/modelState.js";
import { allPages } from "./allPages.js";
import { type KmsModel, StepCommand } from "./kmsCommand.js";
import type { KmsSystem } from "./kmsSystem.js";
import { outcomeOf, type Step } from "./step.js";
import { mergeTags, showTags, tagRefusal } from "./tagChoices.js";

/**
 * TagResource or UntagResource (docs/decisions/0025-tags.md), read back with ListResourceTags
 * pages of `limit`: a key that is not pending deletion; setting replaces values in place and
 * appends new keys; a duplicate or `aws:` key is refused before the key is read.
 */
export class ChangeTagsCommand extends StepCommand {
  constructor(
    readonly operation: "TagResource" | "UntagResource",
    readonly key: KeyRef,
    readonly tags: readonly ModelTag[],
    readonly limit: number,
  ) {
    super();
  }

  async prepare(
    _model: KmsModel,
    system: KmsSystem,
  ): Promise<Step<readonly ListResourceTagsResponse[]>> {
    return {
      label: this.toString(),
      predict: (state) => {
        const reference = resolveKeyRef(state, this.key, "refuse");
        if (typeof reference === "string") return { error: reference };
        if (this.operation === "TagResource" && tagRefusal([], this.tags)) {
          return { error: "TagException" };
        }
        const found = lookUpKey(state, this.key);
        if (typeof found === "string") return { error: found };
        if (found.key.state === "PendingDeletion") return { error: "KMSInvalidStateException" };
        if (this.operation === "UntagResource") {
          const removed = new Set(this.tags.map((t) => t.key));
          found.key.tags = found.key.tags.filter((t) => !removed.has(t.key));
        } else {
          if (tagRefusal(found.key.tags, this.tags)) return { error: "TagException" };
          found.key.tags = mergeTags(found.key.tags, this.tags);
        }
        const expected = [...found.key.tags];
        return { check: (pages) => tagPageProblems(pages, expected, this.limit) };
      },
      run: async () => {
        const KeyId = system.keyIdOf(this.key);
        const changed = await outcomeOf(
          this.operation === "TagResource"
            ? system.kms.tagResource({
                KeyId,
                Tags: this.tags.map((t) => ({ TagKey: t.key, TagValue: t.value })),
              })
            : system.kms.untagResource({ KeyId, TagKeys: this.tags.map((t) => t.key) }),
        );
        return changed.ok ? allTagPages(system, this.key, this.limit) : changed;
      },
    };
  }

  toString(): string {
    return `${this.operation}(${showKeyRef(this.key)}, ${showTags(this.tags)}, then ListResourceTags Limit ${this.limit})`;
  }
}

/** ListResourceTags, every page of `limit` tags: the key's tags in the order first set, in any state. */
export class ListResourceTagsCommand extends StepCommand {
  constructor(
    readonly key: KeyRef,
    readonly limit: number,
  ) {
    super();
  }

  async prepare(
    _model: KmsModel,
    system: KmsSystem,
  ): Promise<Step<readonly ListResourceTagsResponse[]>> {
    return {
      label: this.toString(),
      predict: (state) => {
        const found = lookUpKey(state, this.key);
        if (typeof found === "string") return { error: found };
        const expected = [...found.key.tags];
        return { check: (pages) => tagPageProblems(pages, expected, this.limit) };
      },
      run: () => allTagPages(system, this.key, this.limit),
    };
  }

  toString(): string {
    return `ListResourceTags(${showKeyRef(this.key)}, Limit ${this.limit}, every page)`;
  }
}

/** Every page of the key's tags. */
function allTagPages(system: KmsSystem, key: KeyRef, limit: number) {
  return allPages((marker) =>
    system.kms.listResourceTags({ KeyId: system.keyIdOf(key), Limit: limit, ...marker }),
  );
}

/** What is wrong with the pages of a tag listing, against the tags the model expects. */
function tagPageProblems(
  pages: readonly ListResourceTagsResponse[],
  expected: readonly ModelTag[],
  limit: number,
): string[] {
  const problems: string[] = [];
  if (pages.some((page) => page.Tags.length > limit))
    problems.push(`a page has more than ${limit} tags`);
  const listed = showTags(
    pages.flatMap((page) => page.Tags.map((t) => ({ key: t.TagKey, value: t.TagValue }))),
  );
  if (listed !== showTags(expected))
    problems.push(`listed ${listed}, expected ${showTags(expected)}`);
  return problems;
}
