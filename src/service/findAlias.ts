import { okAsync, type ResultAsync } from "neverthrow";
import type { AliasName, AliasRecord } from "../domain/aliasRecord.js";
import { type KeyArn, keyArn } from "../domain/keyArn.js";
import type { KmsError } from "../domain/kmsError.js";
import { observeKey } from "../domain/observeKey.js";
import type { ServiceDeps } from "./serviceDeps.js";

/** A stored alias, its version, and whether it still exists for the service. */
export interface FoundAlias {
  readonly alias: AliasRecord;
  readonly version: number;
  readonly targetArn: KeyArn;
  /**
   * `false` when its key no longer exists at the time asked about: the alias went with the key
   * (docs/decisions/0023-aliases.md), though the store has not removed it yet.
   */
  readonly live: boolean;
}

/** The stored alias `aliasName` of the service's scope, or `undefined`. */
export function findAlias(
  deps: Pick<ServiceDeps, "store" | "scope">,
  aliasName: AliasName,
  now: Date,
): ResultAsync<FoundAlias | undefined, KmsError> {
  return deps.store.getAlias(deps.scope, aliasName).andThen((stored) => {
    if (stored === undefined) return okAsync(undefined);
    const targetArn = keyArn(deps.scope, stored.alias.targetKeyId);
    return deps.store.get(targetArn).map((key) => ({
      ...stored,
      targetArn,
      live: key !== undefined && observeKey(key.record, now).key !== undefined,
    }));
  });
}
