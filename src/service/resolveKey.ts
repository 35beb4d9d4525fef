import { errAsync, okAsync, type ResultAsync } from "neverthrow";
import { isAliasName } from "../domain/aliasName.js";
import type { KeyArn } from "../domain/keyArn.js";
import type { KmsError } from "../domain/kmsError.js";
import { aliasNotFound, type KeyReference } from "../domain/resolveKeyReference.js";
import { findAlias } from "./findAlias.js";
import type { ServiceDeps } from "./serviceDeps.js";

/**
 * The ARN of the key a `KeyId` member names: a key reference as it is, an alias by looking it
 * up at `now` (docs/decisions/0023-aliases.md).
 *
 * Errors: `NotFoundException` "Alias … is not found."; the store's errors.
 */
export function resolveKey(
  deps: Pick<ServiceDeps, "store" | "scope">,
  reference: KeyReference,
  now: Date,
): ResultAsync<KeyArn, KmsError> {
  if (reference.kind === "key") return okAsync(reference.arn);
  const notFound = aliasNotFound(reference.aliasArn);
  if (!isAliasName(reference.aliasName)) return errAsync(notFound);
  return findAlias(deps, reference.aliasName, now).andThen((found) =>
    found?.live === true ? okAsync(found.targetArn) : errAsync(notFound),
  );
}
