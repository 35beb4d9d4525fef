import { errAsync, okAsync, type ResultAsync } from "neverthrow";
import type { KeyArn } from "../domain/keyArn.js";
import { keyIdOf } from "../domain/keyArn.js";
import type { KeyRecord } from "../domain/keyRecord.js";
import { type KmsError, kmsError } from "../domain/kmsError.js";
import { pendingDeletion } from "../domain/requireEnabledKey.js";
import { readKey } from "./readKey.js";
import type { ServiceDeps } from "./serviceDeps.js";

/** How many aliases one key may have (AWS's default quota, docs/decisions/0023-aliases.md). */
export const maxAliasesPerKey = 50;

/**
 * The key an alias is to point at, read at `now`: it must exist, must not be pending deletion,
 * and, when the alias is new to it (`gainsAlias`), must have fewer than
 * {@link maxAliasesPerKey} aliases.
 *
 * Errors: `NotFoundException`; `KMSInvalidStateException` "… is pending deletion.";
 * `LimitExceededException`; the store's errors.
 */
export function aliasTarget(
  deps: ServiceDeps,
  arn: KeyArn,
  now: Date,
  gainsAlias: boolean,
): ResultAsync<KeyRecord, KmsError> {
  return readKey(deps, arn, now)
    .andThen((key) =>
      key.keyState === "PendingDeletion" ? errAsync(pendingDeletion(key)) : okAsync(key),
    )
    .andThen((key) =>
      !gainsAlias
        ? okAsync(key)
        : deps.store
            .listAliases(deps.scope, { limit: maxAliasesPerKey, targetKeyId: keyIdOf(arn) }, now)
            .andThen(({ aliases }) =>
              aliases.length < maxAliasesPerKey
                ? okAsync(key)
                : errAsync(
                    kmsError(
                      "LimitExceededException",
                      `${arn} already has ${maxAliasesPerKey} aliases, the most a key can have.`,
                    ),
                  ),
            ),
    );
}
