import fc from "fast-check";
import type { ModelTag } from "../model/modelState.js";

/** The tag keys a run uses: `Team` and `team` differ, `aws:x` is reserved. */
export const tagKeys = ["team", "Team", "env", "owner"] as const;

const tag = fc.record({
  key: fc.constantFrom(...tagKeys),
  value: fc.constantFrom("", "blue", "prod", "ünïcödé"),
});

/** Tags to set: mostly distinct keys; sometimes a key twice or a reserved `aws:` key. */
export const tagChoice: fc.Arbitrary<readonly ModelTag[]> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.uniqueArray(tag, { selector: (t) => t.key, minLength: 1, maxLength: 3 }),
  },
  { weight: 1, arbitrary: tag.map((t) => [t, { ...t, value: `${t.value}2` }]) },
  {
    weight: 1,
    arbitrary: fc.constantFrom("aws:x", "AWS:team").map((key) => [{ key, value: "v" }]),
  },
);

/** Tags for failure reports: `{team=blue, env=}`. */
export function showTags(tags: readonly ModelTag[]): string {
  return `{${tags.map((t) => `${t.key}=${t.value}`).join(", ")}}`;
}

/** Whether setting `added` on a key with `existing` is a `TagException` (docs/decisions/0025-tags.md). */
export function tagRefusal(existing: readonly ModelTag[], added: readonly ModelTag[]): boolean {
  const keys = added.map((t) => t.key);
  if (new Set(keys).size !== keys.length) return true;
  if (keys.some((key) => key.toLowerCase().startsWith("aws:"))) return true;
  const all = new Set([...existing.map((t) => t.key), ...keys]);
  return all.size > 50;
}

/** `existing` with `added` set: values replaced in place, new keys appended in order. */
export function mergeTags(existing: readonly ModelTag[], added: readonly ModelTag[]): ModelTag[] {
  const values = new Map(added.map((t) => [t.key, t.value]));
  const known = new Set(existing.map((t) => t.key));
  return [
    ...existing.map((t) => ({ key: t.key, value: values.get(t.key) ?? t.value })),
    ...added.filter((t) => !known.has(t.key)),
  ];
}
