import fc from "fast-check";
import { changed, invalidMember, type Violation } from "./violation.js";

/** A tag key a key may have: 1–32 characters, never starting with `aws:` in any case. */
export const tagKey = fc
  .string({ unit: "grapheme", minLength: 1, maxLength: 32 })
  .filter((key) => !key.toLowerCase().startsWith("aws:"));

/** Valid `Tags`: up to `maxLength` tags with distinct keys (docs/decisions/0025-tags.md). */
export function tags(maxLength: number) {
  return fc.uniqueArray(
    fc.record(
      { TagKey: tagKey, TagValue: fc.string({ unit: "grapheme", maxLength: 64 }) },
      { noNullPrototype: true },
    ),
    { selector: (tag) => tag.TagKey, maxLength },
  );
}

/**
 * The mistakes in a `Tags` member: a key or value missing or of a bad length
 * (`ValidationException`); a key twice, a key starting with `aws:` in any case, or more than 50
 * tags (`TagException`).
 */
export function tagsViolations(base: fc.Arbitrary<object>): fc.Arbitrary<Violation>[] {
  const tag = (TagKey: unknown, TagValue: unknown) => [{ TagKey, TagValue }];
  const many = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ TagKey: `k${i}`, TagValue: "v" }));
  const tagException = (values: fc.Arbitrary<unknown>, reason: string) =>
    changed(
      base,
      values.map((Tags) => ({ Tags })),
      "TagException",
      reason,
    );
  return [
    invalidMember(
      base,
      "Tags",
      fc.constantFrom(
        tag("", "v"),
        tag("k".repeat(129), "v"),
        tag("k", "v".repeat(257)),
        tag(null, "v"),
        tag("k", undefined),
      ),
      "Tags has a TagKey or TagValue that is missing or of a bad length",
    ),
    tagException(
      tagKey.map((TagKey) => [
        { TagKey, TagValue: "a" },
        { TagKey, TagValue: "b" },
      ]),
      "Tags has a TagKey twice",
    ),
    tagException(
      fc.constantFrom("aws:", "Aws:x", "AWS:team", "aws:team").map((TagKey) => tag(TagKey, "v")),
      "Tags has a TagKey starting with aws:",
    ),
    tagException(fc.integer({ min: 51, max: 60 }).map(many), "Tags has more than 50 tags"),
  ];
}

/** Valid key policy documents (docs/decisions/0027-key-policies.md). */
export const policyDocument = fc
  .record({
    sid: fc.stringMatching(/^[A-Za-z0-9]{1,12}$/),
    principal: fc.constantFrom("*", "arn:aws:iam::111122223333:root"),
    action: fc.constantFrom("kms:*", "kms:Encrypt", "kms:Decrypt"),
    pretty: fc.boolean(),
  })
  .map(({ sid, principal, action, pretty }) =>
    JSON.stringify(
      {
        Version: "2012-10-17",
        Statement: [
          {
            Sid: sid,
            Effect: "Allow",
            Principal: { AWS: principal },
            Action: action,
            Resource: "*",
          },
        ],
      },
      null,
      pretty ? 2 : undefined,
    ),
  );

/**
 * The mistakes in a `Policy` member: empty or of characters the model does not allow
 * (`ValidationException`), not JSON or a statement without a principal
 * (`MalformedPolicyDocumentException`), or over 32768 bytes (`LimitExceededException`).
 */
export function policyViolations(base: fc.Arbitrary<object>): fc.Arbitrary<Violation>[] {
  return [
    invalidMember(
      base,
      "Policy",
      fc.constantFrom("", "{\u0000}", "{\u0100}", "{\u{1F4A5}}"),
      "Policy is empty or has a character outside tab, LF, CR and U+0020–U+00FF",
    ),
    changed(
      base,
      fc
        .constantFrom(
          "{",
          "not json",
          "[]",
          '"policy"',
          "{}",
          '{"Statement":[]}',
          '{"Statement":[{"Effect":"Allow","Action":"kms:*","Resource":"*"}]}',
        )
        .map((Policy) => ({ Policy })),
      "MalformedPolicyDocumentException",
      "Policy is not JSON, has no statement, or has a statement without a principal",
    ),
    changed(
      base,
      fc.integer({ min: 32769, max: 40000 }).map((n) => ({
        Policy: `{"Statement":[{"Principal":"*","Sid":"${"x".repeat(n)}"}]}`,
      })),
      "LimitExceededException",
      "Policy is over 32768 bytes",
    ),
  ];
}
