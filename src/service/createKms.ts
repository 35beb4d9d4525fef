import type { Kms } from "./kms.js";
import type { OperationName } from "./kmsOperations.js";
import { kmsMethodName, kmsOperations } from "./kmsOperations.js";
import type { KmsOptions } from "./kmsOptions.js";
import { serviceDeps } from "./serviceDeps.js";

/**
 * Creates a KMS for keys with imported material (BYOK), in process.
 *
 * Every port is optional: `memoryKeyStore()`, `nodeCrypto()`, `systemClock()`, random UUIDs and
 * no audit by default. Throws `TypeError` only for invalid options (an account ID that is not
 * 12 digits, a malformed Region); every operation reports failures as `err(KmsError)`.
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
  const methods = (Object.keys(kmsOperations) as OperationName[]).map((name) => [
    kmsMethodName(name),
    kmsOperations[name].handler(deps),
  ]);
  // Each method is its descriptor's handler, whose types Kms is derived from.
  return Object.fromEntries(methods) as Kms;
}
