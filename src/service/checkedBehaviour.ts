import { errAsync, type ResultAsync } from "neverthrow";
import { type KmsError, kmsError } from "../domain/kmsError.js";
import type { ServiceDeps } from "./serviceDeps.js";

/**
 * Runs an operation of a `Kms` once the store keeps the `Kms`'s account and Region under the
 * `Kms`'s behaviour profile (docs/decisions/0029-behaviour-profiles.md). The first call claims the
 * profile for a scope the store does not know yet; once the store agreed, operations run at once,
 * without asking it again. A failed store call is not remembered, so the next call tries anew.
 *
 * Errors: `KMSInternalException` when the store keeps the scope under the other profile; the
 * store's errors.
 */
export function checkedBehaviour(
  deps: ServiceDeps,
): <T>(operation: () => ResultAsync<T, KmsError>) => ResultAsync<T, KmsError> {
  let agreed = false;
  return (operation) => {
    if (agreed) return operation();
    const { scope, behaviour } = deps;
    return deps.store.claimBehaviour(scope, behaviour).andThen((stored) => {
      if (stored === behaviour) {
        agreed = true;
        return operation();
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
