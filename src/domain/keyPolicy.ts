import { err, ok, type Result } from "neverthrow";
import { partitionOf } from "./keyArn.js";
import { type KmsError, kmsError } from "./kmsError.js";

/** The only key policy name AWS has. */
export const defaultPolicyName = "default";

/** The most bytes a key policy document may have (AWS's limit, docs/decisions/0027-key-policies.md). */
export const maxKeyPolicyBytes = 32768;

/**
 * The policy AWS gives a key created without one, as GetKeyPolicy returns it: every IAM
 * principal of the account may use the key as IAM allows (AWS's layout, recorded).
 *
 * @example
 * ```ts
 * defaultKeyPolicy({ accountId: "111122223333", region: "us-east-1" });
 * // '{\n  "Version" : "2012-10-17",\n  "Id" : "key-default-1", …'
 * ```
 */
export function defaultKeyPolicy(scope: {
  readonly accountId: string;
  readonly region: string;
}): string {
  const root = `arn:${partitionOf(scope.region)}:iam::${scope.accountId}:root`;
  return [
    "{",
    '  "Version" : "2012-10-17",',
    '  "Id" : "key-default-1",',
    '  "Statement" : [ {',
    '    "Sid" : "Enable IAM User Permissions",',
    '    "Effect" : "Allow",',
    '    "Principal" : {',
    `      "AWS" : "${root}"`,
    "    },",
    '    "Action" : "kms:*",',
    '    "Resource" : "*"',
    "  } ]",
    "}",
  ].join("\n");
}

/**
 * Checks a key policy document (docs/decisions/0027-key-policies.md): a JSON object with a
 * `Statement` of one or more statements, each an object with a `Principal`, at most
 * {@link maxKeyPolicyBytes} bytes of UTF-8. kms-byok stores policies; it does not enforce them.
 *
 * Errors: `MalformedPolicyDocumentException`; `LimitExceededException` for a document too long.
 */
export function checkKeyPolicy(document: string): Result<string, KmsError> {
  if (utf8Length(document) > maxKeyPolicyBytes) {
    return err(
      kmsError(
        "LimitExceededException",
        `The key policy is longer than ${maxKeyPolicyBytes} bytes, the most AWS allows.`,
      ),
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(document);
  } catch {
    return malformed("The key policy is not valid JSON.");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    return malformed("The key policy must be a JSON object.");
  }
  const statements = (parsed as { Statement?: unknown }).Statement;
  const list = Array.isArray(statements) ? statements : [statements];
  if (statements === undefined || list.length === 0) {
    return malformed("The key policy has no Statement.");
  }
  for (const statement of list) {
    if (typeof statement !== "object" || statement === null || Array.isArray(statement)) {
      return malformed("Each statement of the key policy must be a JSON object.");
    }
    if (!("Principal" in statement) && !("NotPrincipal" in statement)) {
      return malformed("Policy contains a statement with no principal.");
    }
  }
  return ok(document);
}

/** How many bytes `text` has in UTF-8. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

function malformed(message: string): Result<never, KmsError> {
  return err(kmsError("MalformedPolicyDocumentException", message));
}
