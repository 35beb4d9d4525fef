import { errAsync, okAsync, type ResultAsync } from "neverthrow";
import { type KmsError, kmsError } from "../domain/kmsError.js";
import type { ServiceDeps } from "./serviceDeps.js";

/**
 * The check every operation of a `Kms` passes first: the store keeps the `Kms`'s account and
 * Region under the `Kms`'s behaviour profile (docs/decisions/0029-behaviour-profiles.md). The
 * first call claims the profile for a scope the store does not know yet; once the store agreed,
 * no call asks it again. A failed store call is not remembered, so the next call tries anew.
 *
 * Errors: `KMSInternalException` when the store keeps the scope under the other profile; the
 * store's errors.
 */
export function checkedBehaviour(deps: ServiceDeps): () => ResultAsync<void, KmsError> {
  let agreed = false;
  return () => {
    if (agreed) return okAsync(undefined);
    const { scope, behaviour } = deps;
    return deps.store.claimBehaviour(scope, behaviour).andThen((stored) => {
      if (stored === behaviour) {
        agreed = true;
        return okAsync(undefined);
      }
      return errAsync(
        kmsError(
          "KMSInternalException",
          `This Kms applies the ${behaviour} behaviour profile, but its key store keeps account ${scope.accountId} in ${scope.region} under the ${stored} profile, chosen when they were first used. Use behaviour "${stored}", or another store, account or Region.`,
        ),
      );
    });
  };
}
