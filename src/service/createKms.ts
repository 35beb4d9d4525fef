import type { ResultAsync } from "neverthrow";
import type { KmsError } from "../domain/kmsError.js";
import { checkedBehaviour } from "./checkedBehaviour.js";
import type { Kms } from "./kms.js";
import type { OperationName } from "./kmsOperations.js";
import { kmsMethodName, kmsOperations } from "./kmsOperations.js";
import type { KmsOptions } from "./kmsOptions.js";
import { serviceDeps } from "./serviceDeps.js";

/**
 * Creates a KMS for keys with imported material (BYOK), in process.
 *
 * Every port is optional: `memoryKeyStore()`, `nodeCrypto()`, `systemClock()`, random UUIDs and
 * no audit by default; the behaviour profile is `classic` unless `behaviour` says `current`.
 * Throws `TypeError` only for invalid options (an account ID that is not 12 digits, a malformed
 * Region, an unknown profile); every operation reports failures as `err(KmsError)`.
 *
 * @example
 * ```ts
 * const kms = createKms({ accountId: "111122223333", region: "us-east-1" });
 * const created = await kms.createKey({ Origin: "EXTERNAL" });
 * if (created.isOk()) console.log(created.value.KeyMetadata.KeyState); // "PendingImport"
 * ```
 */
export function createKms(options: KmsOptions = {}): Kms {
  const deps = serviceDeps(options);
  const withBehaviour = checkedBehaviour(deps);
  const methods = (Object.keys(kmsOperations) as OperationName[]).map((name) => {
    // Every handler takes a request of any shape (OperationHandler); Kms restores the types.
    const handler = kmsOperations[name].handler(deps) as (
      request?: unknown,
    ) => ResultAsync<unknown, KmsError>;
    return [kmsMethodName(name), (request?: unknown) => withBehaviour(() => handler(request))];
  });
  // Each method is its descriptor's handler, whose types Kms is derived from.
  return Object.fromEntries(methods) as Kms;
}
