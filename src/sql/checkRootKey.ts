import type { ResultAsync } from "neverthrow";
import type { KmsError } from "../domain/kmsError.js";
import type { CryptoProvider } from "../ports/cryptoProvider.js";
import type { SqlKeyStore } from "./sqlKeyStore.js";

/** The root key given does not open what the database holds. */
export interface RootKeyMismatch {
  readonly name: "RootKeyMismatch";
  readonly message: string;
}

const purpose = "kms-byok/root-key-canary/v1";
const canary = new TextEncoder().encode("kms-byok root key canary");

/**
 * Checks, before any request, that `crypto`'s root key is the one the database's keys are
 * sealed under. The first check on a database seals a canary into it; every later check opens
 * that canary, so a wrong root key is found at start, not at the first Decrypt.
 *
 * Errors: `RootKeyMismatch`; `DependencyTimeoutException` or `KMSInternalException` when the
 * database fails.
 *
 * @example
 * ```ts
 * const checked = await checkRootKey(store, crypto);
 * if (checked.isErr()) throw new Error(checked.error.message);
 * ```
 */
export function checkRootKey(
  store: SqlKeyStore,
  crypto: CryptoProvider,
): ResultAsync<void, RootKeyMismatch | KmsError> {
  return crypto
    .seal(canary, purpose)
    .andThen((sealed) => store.keepRootKeyCanary(sealed))
    .andThen((stored) =>
      crypto
        .unseal(stored, purpose)
        .map(() => undefined)
        .mapErr(
          (): RootKeyMismatch => ({
            name: "RootKeyMismatch",
            message: `The root key does not open the keys in ${store.location}: they were sealed under another root key. Start with the root key this database was first used with.`,
          }),
        ),
    );
}
