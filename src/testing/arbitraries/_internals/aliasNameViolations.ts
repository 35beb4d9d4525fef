import fc from "fast-check";
import { longString } from "./memberValues.js";
import { changed, invalidMember, missing, type Violation } from "./violation.js";

/**
 * The mistakes in an `AliasName`: missing, empty, over 256 characters, a character the model
 * does not allow, no `alias/` prefix (`ValidationException`), `alias/` alone and, when
 * `creating`, the reserved `alias/aws/` (`InvalidAliasNameException`, docs/decisions/0023-aliases.md).
 */
export function aliasNameViolations(
  base: fc.Arbitrary<object>,
  creating: boolean,
): fc.Arbitrary<Violation>[] {
  const invalidName = (names: fc.Arbitrary<string>, reason: string) =>
    changed(
      base,
      names.map((AliasName) => ({ AliasName })),
      "InvalidAliasNameException",
      reason,
    );
  return [
    changed(base, missing("AliasName"), "ValidationException", "AliasName is missing"),
    invalidMember(base, "AliasName", fc.constant(""), "AliasName is empty"),
    invalidMember(
      base,
      "AliasName",
      longString(251, 1000).map((name) => `alias/${name}`),
      "AliasName is longer than 256 characters",
    ),
    invalidMember(
      base,
      "AliasName",
      fc.constantFrom("alias/my key", "alias/key.1", "alias/ключ", "alias/a*b"),
      "AliasName has a character other than letters, digits, /, _, - and :",
    ),
    invalidMember(
      base,
      "AliasName",
      fc.constantFrom("my-key", "Alias/my-key", "aliases/my-key", "key/my-key"),
      "AliasName does not start with alias/",
    ),
    invalidName(fc.constant("alias/"), "AliasName has no name after alias/"),
    ...(creating
      ? [
          invalidName(
            fc.constantFrom("alias/aws/s3", "alias/aws/my-key", "alias/aws/"),
            "AliasName starts with the reserved alias/aws/",
          ),
        ]
      : []),
  ];
}
