import type { Result } from "neverthrow";
import type { AliasName } from "../aliasRecord.js";
import type { KeyArn } from "../keyArn.js";
import type { KmsError } from "../kmsError.js";
import { resolveKeyReference } from "../resolveKeyReference.js";
import { checkAliasName, readAliasNameMember } from "./aliasNameMember.js";
import type { RequestContext } from "./memberRules.js";
import { present } from "./present.js";
import { RequestReader } from "./requestReader.js";

/** The request of CreateAlias and UpdateAlias: an alias name and the key it is to point at. */
export interface AliasTargetRequest {
  /** `alias/` and a name: letters, digits, `/`, `_`, `-`, `:`; at most 256 characters. */
  readonly AliasName: string | undefined;
  /** The key's ID or ARN; not an alias. */
  readonly TargetKeyId: string | undefined;
}

/** The CreateAlias request. */
export type CreateAliasRequest = AliasTargetRequest;
/** The UpdateAlias request. */
export type UpdateAliasRequest = AliasTargetRequest;

/** A validated CreateAlias or UpdateAlias request. */
export interface AliasTargetInput {
  readonly aliasName: AliasName;
  readonly targetArn: KeyArn;
}

/**
 * Validates a CreateAlias or UpdateAlias request (docs/decisions/0023-aliases.md).
 *
 * Errors: `SerializationException`; `ValidationException` (a missing member, a name over 256
 * characters, of other characters, or without `alias/`); `InvalidAliasNameException`; the key
 * reference errors of `resolveKeyReference` for `TargetKeyId`, `InvalidArnException` for an
 * alias there.
 */
export function validateAliasTargetRequest(
  input: unknown,
  context: RequestContext,
  operation: "CreateAlias" | "UpdateAlias",
): Result<AliasTargetInput, KmsError> {
  return RequestReader.of(input)
    .andThen((reader) => {
      const aliasName = readAliasNameMember(reader);
      const targetKeyId = reader.string("TargetKeyId", { required: true, min: 1, max: 2048 });
      return reader.finish(() => ({
        aliasName: present(aliasName),
        targetKeyId: present(targetKeyId),
      }));
    })
    .andThen(({ aliasName, targetKeyId }) =>
      checkAliasName(aliasName, operation === "CreateAlias").andThen((name) =>
        resolveKeyReference(targetKeyId, context.scope, operation).map((targetArn) => ({
          aliasName: name,
          targetArn,
        })),
      ),
    );
}
