import type { Result } from "neverthrow";
import type { AliasName } from "../aliasRecord.js";
import type { KmsError } from "../kmsError.js";
import { checkAliasName, readAliasNameMember } from "./aliasNameMember.js";
import { present } from "./present.js";
import { RequestReader } from "./requestReader.js";

/** The DeleteAlias request. */
export interface DeleteAliasRequest {
  readonly AliasName: string | undefined;
}

/**
 * Validates a DeleteAlias request.
 *
 * Errors: `SerializationException`, `ValidationException`, `InvalidAliasNameException`.
 */
export function validateDeleteAliasRequest(input: unknown): Result<AliasName, KmsError> {
  return RequestReader.of(input)
    .andThen((reader) => {
      const aliasName = readAliasNameMember(reader);
      return reader.finish(() => present(aliasName));
    })
    .andThen((name) => checkAliasName(name, false));
}
