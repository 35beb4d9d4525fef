import { err, ok, type Result } from "neverthrow";
import { aliasNameRule, aliasPrefix, isAliasName, reservedAliasPrefix } from "../aliasName.js";
import type { AliasName } from "../aliasRecord.js";
import { type KmsError, kmsError } from "../kmsError.js";
import type { RequestReader } from "./requestReader.js";

/** Reads the required `AliasName` member against the AWS model's length and pattern. */
export function readAliasNameMember(reader: RequestReader): string | undefined {
  return reader.string("AliasName", { required: true, ...aliasNameRule });
}

/**
 * Checks an `AliasName` the model accepted against the alias rules (docs/decisions/0023-aliases.md):
 * it starts with `alias/` and has a name after it; a name to create must not start with the
 * reserved `alias/aws/`.
 *
 * Errors: `ValidationException` (AWS's words) without the prefix; `InvalidAliasNameException`
 * for `alias/` alone or, when `creating`, a reserved name.
 */
export function checkAliasName(name: string, creating: boolean): Result<AliasName, KmsError> {
  if (!name.startsWith(aliasPrefix)) {
    return err(
      kmsError(
        "ValidationException",
        'Alias must start with the prefix "alias/". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html',
      ),
    );
  }
  if (!isAliasName(name)) {
    return err(kmsError("InvalidAliasNameException", "Alias name must not be empty after alias/."));
  }
  if (creating && name.startsWith(reservedAliasPrefix)) {
    return err(
      kmsError(
        "InvalidAliasNameException",
        `Alias names beginning with ${reservedAliasPrefix} are reserved for AWS managed keys.`,
      ),
    );
  }
  return ok(name);
}
