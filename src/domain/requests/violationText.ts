// How violations name members and show values, in the words of AWS's validation messages.

const shownValueLength = 256;

/** A member path as AWS writes it: `Tags.1.member.TagKey` → `tags.1.member.tagKey`. */
export function memberPath(member: string): string {
  return member
    .split(".")
    .map((part) => part.charAt(0).toLowerCase() + part.slice(1))
    .join(".");
}

/** A string value in quotes, cut after 256 characters. */
export function quoted(text: string): string {
  return `'${text.length > shownValueLength ? `${text.slice(0, shownValueLength)}…` : text}'`;
}

/** What a value of the wrong type is, for a `SerializationException` message. */
export function typeOf(value: unknown): string {
  if (Array.isArray(value)) return "an array";
  if (value instanceof Date) return "an invalid Date";
  if (typeof value === "number" && !Number.isInteger(value)) return "a non-integer number";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}
