import { err, ok, type Result } from "neverthrow";
import { type KmsError, kmsError } from "../kmsError.js";
import { memberPath, quoted, typeOf } from "./violationText.js";

/** Length bounds of a string (characters) or blob (bytes), as in the AWS model. */
export interface LengthRule {
  readonly min?: number;
  readonly max?: number;
}

/** Constraints on a string member. */
export interface StringRule extends LengthRule {
  readonly required?: boolean;
  readonly pattern?: RegExp;
}

/** Matches a UTF-16 surrogate that is not part of a pair. */
const loneSurrogate = /\p{Cs}/u;

/**
 * Reads the members of a request of unknown shape and collects every violation, the way the
 * AWS model checks a request before the operation runs. A member of the wrong JavaScript type
 * is a `SerializationException`; constraint violations become one `ValidationException` worded
 * as AWS words them ("1 validation error detected: Value 'x' at 'keyId' failed to satisfy
 * constraint: Member must …"). `undefined` and `null` members count as absent.
 */
export class RequestReader {
  readonly #body: Readonly<Record<string, unknown>>;
  readonly #violations: string[] = [];
  #typeError: string | undefined;

  private constructor(body: Readonly<Record<string, unknown>>) {
    this.#body = body;
  }

  /**
   * Starts reading `input`; `undefined` reads as an empty request.
   *
   * Errors: `SerializationException` when `input` is not a plain object.
   */
  static of(input: unknown): Result<RequestReader, KmsError> {
    if (input === undefined) return ok(new RequestReader({}));
    if (typeof input !== "object" || input === null || Array.isArray(input)) {
      return err(
        kmsError("SerializationException", "The request must be an object of request members."),
      );
    }
    return ok(new RequestReader(input as Record<string, unknown>));
  }

  /** Reads a string member. */
  string(member: string, rule: StringRule = {}): string | undefined {
    const value = this.#present(
      member,
      rule.required ?? false,
      "a string",
      (v) => typeof v === "string",
    );
    if (value === undefined) return undefined;
    const text = value as string;
    this.#length(member, quoted(text), text.length, rule);
    if (rule.pattern !== undefined && !rule.pattern.test(text)) {
      this.#violate(
        member,
        quoted(text),
        `Member must satisfy regular expression pattern: ${rule.pattern.source}`,
      );
    }
    return text;
  }

  /** Reads a string member that must be one of `values`. */
  enumValue<T extends string>(
    member: string,
    values: readonly T[],
    required = false,
  ): T | undefined {
    const value = this.#present(member, required, "a string", (v) => typeof v === "string");
    if (value === undefined) return undefined;
    if (!(values as readonly unknown[]).includes(value)) {
      this.#violate(
        member,
        quoted(value as string),
        `Member must satisfy enum value set: [${values.join(", ")}]`,
      );
      return undefined;
    }
    return value as T;
  }

  /** Reads a blob member (a `Uint8Array`); its value never appears in a message. */
  blob(
    member: string,
    rule: LengthRule & { readonly required?: boolean } = {},
  ): Uint8Array | undefined {
    const value = this.#present(
      member,
      rule.required ?? false,
      "a Uint8Array",
      (v) => v instanceof Uint8Array,
    );
    if (value === undefined) return undefined;
    const bytes = value as Uint8Array;
    this.#length(member, undefined, bytes.byteLength, rule);
    return bytes;
  }

  /** Reads an integer member. */
  integer(
    member: string,
    rule: { readonly min: number; readonly max: number },
  ): number | undefined {
    const value = this.#present(
      member,
      false,
      "an integer",
      (v) => typeof v === "number" && Number.isInteger(v),
    );
    if (value === undefined) return undefined;
    const n = value as number;
    if (n < rule.min)
      this.#violate(
        member,
        `'${n}'`,
        `Member must have value greater than or equal to ${rule.min}`,
      );
    if (n > rule.max)
      this.#violate(member, `'${n}'`, `Member must have value less than or equal to ${rule.max}`);
    return n;
  }

  /** Reads a boolean member. */
  boolean(member: string): boolean | undefined {
    return this.#present(member, false, "a boolean", (v) => typeof v === "boolean") as
      | boolean
      | undefined;
  }

  /** Reads a timestamp member (a valid `Date`). */
  timestamp(member: string): Date | undefined {
    return this.#present(
      member,
      false,
      "a valid Date",
      (v) => v instanceof Date && !Number.isNaN(v.getTime()),
    ) as Date | undefined;
  }

  /** Reads a list of strings, such as `GrantTokens`. */
  stringList(
    member: string,
    rule: { readonly maxItems: number; readonly item: LengthRule; readonly required?: boolean },
  ): string[] | undefined {
    const value = this.#present(
      member,
      rule.required ?? false,
      "an array of strings",
      (v) => Array.isArray(v) && v.every((item) => typeof item === "string"),
    );
    if (value === undefined) return undefined;
    const items = value as string[];
    this.#itemCount(member, items.length, rule.maxItems);
    items.forEach((item, i) => {
      this.#length(`${member}.${i + 1}.member`, quoted(item), item.length, rule.item);
    });
    return items;
  }

  /**
   * Reads a map of strings to strings, such as `EncryptionContext`. Keys and values must be
   * well-formed Unicode: a lone surrogate has no UTF-8 encoding, so two different strings would
   * authenticate as the same bytes.
   */
  stringMap(member: string): Readonly<Record<string, string>> | undefined {
    const value = this.#present(member, false, "an object of string values", isStringRecord);
    if (value === undefined) return undefined;
    // Spread, not assignment pair by pair: assigning a pair named __proto__ would set the map's
    // prototype and lose the pair (an encryption context that no longer binds its ciphertext).
    const map: Record<string, string> = { ...(value as Record<string, string>) };
    let wellFormed = true;
    for (const [key, item] of Object.entries(map)) {
      if (loneSurrogate.test(key) || loneSurrogate.test(item)) wellFormed = false;
    }
    if (!wellFormed) {
      this.#violate(member, undefined, "Member must contain only well-formed Unicode strings");
    }
    return map;
  }

  /** Tells whether a member is present (neither `undefined` nor `null`), whatever its type. */
  has(member: string): boolean {
    return this.#body[member] !== undefined && this.#body[member] !== null;
  }

  /** Reads a list of `{ TagKey, TagValue }` objects; both members are required strings. */
  tags(
    member: string,
    rule: { readonly key: LengthRule; readonly value: LengthRule; readonly required?: boolean },
  ): { readonly key: string; readonly value: string }[] | undefined {
    const isTagMember = (v: unknown) => v === undefined || v === null || typeof v === "string";
    const value = this.#present(
      member,
      rule.required ?? false,
      "an array of { TagKey, TagValue } objects of strings",
      (v) =>
        Array.isArray(v) &&
        v.every((tag) => {
          if (typeof tag !== "object" || tag === null) return false;
          const { TagKey, TagValue } = tag as Record<string, unknown>;
          return isTagMember(TagKey) && isTagMember(TagValue);
        }),
    );
    if (value === undefined) return undefined;
    const tags = value as { TagKey?: string | null; TagValue?: string | null }[];
    tags.forEach((tag, i) => {
      const path = `${member}.${i + 1}.member`;
      for (const [name, text, lengths] of [
        ["TagKey", tag.TagKey, rule.key],
        ["TagValue", tag.TagValue, rule.value],
      ] as const) {
        if (text === undefined || text === null)
          this.#violate(`${path}.${name}`, "null", "Member must not be null");
        else this.#length(`${path}.${name}`, quoted(text), text.length, lengths);
      }
    });
    return tags.map((tag) => ({ key: tag.TagKey ?? "", value: tag.TagValue ?? "" }));
  }

  /**
   * Ends reading: the value `build` makes from what was read, or the errors found.
   *
   * Errors: `SerializationException` for the first member of a wrong type, else one
   * `ValidationException` listing every violated constraint.
   */
  finish<T>(build: () => T): Result<T, KmsError> {
    if (this.#typeError !== undefined)
      return err(kmsError("SerializationException", this.#typeError));
    const count = this.#violations.length;
    if (count > 0) {
      const noun = count === 1 ? "error" : "errors";
      return err(
        kmsError(
          "ValidationException",
          `${count} validation ${noun} detected: ${this.#violations.join("; ")}`,
        ),
      );
    }
    return ok(build());
  }

  #present(
    member: string,
    required: boolean,
    expected: string,
    accepts: (v: unknown) => boolean,
  ): unknown {
    const value = this.#body[member];
    if (value === undefined || value === null) {
      if (required) this.#violate(member, "null", "Member must not be null");
      return undefined;
    }
    if (!accepts(value)) {
      this.#typeError ??= `Member '${member}' must be ${expected}; got ${typeOf(value)}.`;
      return undefined;
    }
    return value;
  }

  #length(member: string, shownValue: string | undefined, length: number, rule: LengthRule): void {
    if (rule.min !== undefined && length < rule.min) {
      this.#violate(
        member,
        shownValue,
        `Member must have length greater than or equal to ${rule.min}`,
      );
    }
    if (rule.max !== undefined && length > rule.max) {
      this.#violate(
        member,
        shownValue,
        `Member must have length less than or equal to ${rule.max}`,
      );
    }
  }

  #itemCount(member: string, count: number, maxItems: number): void {
    if (count > maxItems) {
      this.#violate(member, undefined, `Member must have length less than or equal to ${maxItems}`);
    }
  }

  #violate(member: string, shownValue: string | undefined, constraint: string): void {
    const path = memberPath(member);
    const value = shownValue === undefined ? "Value" : `Value ${shownValue}`;
    this.#violations.push(`${value} at '${path}' failed to satisfy constraint: ${constraint}`);
  }
}

/** A plain object (or one without a prototype) whose own values are all strings. */
function isStringRecord(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  for (const item of Object.values(value)) if (typeof item !== "string") return false;
  return true;
}
