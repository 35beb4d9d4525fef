/** Typed reads of the members of a parsed JSON object; a missing or mistyped member reads as `undefined`. */
export interface JsonReader {
  has(name: string): boolean;
  string(name: string): string | undefined;
  /** `undefined` when absent, `null` when present but not a string. */
  optionalString(name: string): string | undefined | null;
  number(name: string): number | undefined;
  /** A Date from an ISO-8601 string in the form `Date.prototype.toISOString` writes. */
  date(name: string): Date | undefined;
  /** Bytes from canonical base64. */
  bytes(name: string): Uint8Array | undefined;
  array(name: string): readonly unknown[] | undefined;
  object(name: string): JsonReader | undefined;
}

/** A {@link JsonReader} over `value`; every read is `undefined` when `value` is not an object. */
export function jsonReader(value: unknown): JsonReader {
  const members: Readonly<Record<string, unknown>> =
    typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  const member = (name: string): unknown =>
    Object.hasOwn(members, name) ? members[name] : undefined;
  const string = (name: string) => {
    const found = member(name);
    return typeof found === "string" ? found : undefined;
  };
  return {
    has: (name) => member(name) !== undefined,
    string,
    optionalString: (name) => (member(name) === undefined ? undefined : (string(name) ?? null)),
    number: (name) => {
      const found = member(name);
      return typeof found === "number" && Number.isFinite(found) ? found : undefined;
    },
    date: (name) => {
      const text = string(name);
      const date = text === undefined ? undefined : new Date(text);
      return date !== undefined && !Number.isNaN(date.getTime()) && date.toISOString() === text
        ? date
        : undefined;
    },
    bytes: (name) => {
      const text = string(name);
      const bytes = text === undefined ? undefined : Buffer.from(text, "base64");
      return bytes !== undefined && bytes.toString("base64") === text
        ? new Uint8Array(bytes)
        : undefined;
    },
    array: (name) => {
      const found = member(name);
      return Array.isArray(found) ? found : undefined;
    },
    object: (name) => {
      const found = member(name);
      return typeof found === "object" && found !== null && !Array.isArray(found)
        ? jsonReader(found)
        : undefined;
    },
  };
}
