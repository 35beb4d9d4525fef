import { err, ok, type Result } from "neverthrow";
import { defaultPolicyName } from "../keyPolicy.js";
import { type KmsError, kmsError } from "../kmsError.js";
import type { RequestReader } from "./requestReader.js";

/** `PolicyName`: 1–128 word characters; only `default` names a policy. */
const policyNameRule = { min: 1, max: 128, pattern: /^[\w]+$/ } as const;

/** `Policy`: 1–131072 characters of tab, LF, CR and U+0020–U+00FF (the AWS model). */
export const policyRule = {
  min: 1,
  max: 131072,
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the AWS model allows tab, LF and CR in policies.
  pattern: /^[\u0009\u000A\u000D\u0020-\u00FF]+$/,
} as const;

/** Reads the optional `PolicyName` member. */
export function readPolicyName(reader: RequestReader): string | undefined {
  return reader.string("PolicyName", policyNameRule);
}

/**
 * Checks that a `PolicyName` names the key policy: absent or `default` (docs/decisions/0027-key-policies.md).
 *
 * Errors: `NotFoundException` for any other name.
 */
export function checkPolicyName(name: string | undefined): Result<void, KmsError> {
  if (name === undefined || name === defaultPolicyName) return ok(undefined);
  return err(
    kmsError(
      "NotFoundException",
      `No key policy is named ${name}; a key has one policy, named ${defaultPolicyName}.`,
    ),
  );
}
