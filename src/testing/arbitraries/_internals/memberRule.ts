/** The JavaScript type a request member must have; any other (but `null`) is a SerializationException. */
export type MemberShape =
  | "string"
  | "blob"
  | "integer"
  | "boolean"
  | "timestamp"
  | "stringList"
  | "stringMap"
  | "tags"
  /** Refused whenever present, whatever its value (`Recipient`). */
  | "refused";

/** How a request member is checked: its shape, and the length, size or count it may not exceed. */
export interface MemberRule {
  readonly shape: MemberShape;
  readonly max?: number;
}

/** The request members of an operation, as in the AWS model. */
export type MemberTable = Readonly<Record<string, MemberRule>>;

/** What each shape is, for reasons such as "KeyId is not a string". */
export const shapeNouns: Readonly<Record<MemberShape, string>> = {
  string: "a string",
  blob: "a Uint8Array",
  integer: "an integer",
  boolean: "a boolean",
  timestamp: "a valid Date",
  stringList: "an array of strings",
  stringMap: "a plain object of strings",
  tags: "an array of { TagKey, TagValue } strings",
  refused: "absent",
};

const isPlainObject = (value: unknown): value is object =>
  typeof value === "object" &&
  value !== null &&
  [Object.prototype, null].includes(Object.getPrototypeOf(value));

const isTagMember = (value: unknown) =>
  value === undefined || value === null || typeof value === "string";

/** Tells whether `value` has the JavaScript type a member of `shape` needs. */
export function hasShape(shape: MemberShape, value: unknown): boolean {
  switch (shape) {
    case "string":
      return typeof value === "string";
    case "blob":
      return value instanceof Uint8Array;
    case "integer":
      return typeof value === "number" && Number.isInteger(value);
    case "boolean":
      return typeof value === "boolean";
    case "timestamp":
      return value instanceof Date && !Number.isNaN(value.getTime());
    case "stringList":
      return Array.isArray(value) && value.every((item) => typeof item === "string");
    case "stringMap":
      return isPlainObject(value) && Object.values(value).every((v) => typeof v === "string");
    case "tags":
      return (
        Array.isArray(value) &&
        value.every((tag) => {
          if (typeof tag !== "object" || tag === null) return false;
          const { TagKey, TagValue } = tag as Record<string, unknown>;
          return isTagMember(TagKey) && isTagMember(TagValue);
        })
      );
    case "refused":
      return false;
  }
}
