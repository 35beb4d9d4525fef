import type { Kms, KmsOptions } from "./kms.js";
import { createKey } from "./operations/createKey.js";
import { decrypt } from "./operations/decrypt.js";
import { deleteImportedKeyMaterial } from "./operations/deleteImportedKeyMaterial.js";
import { describeKey } from "./operations/describeKey.js";
import { encrypt } from "./operations/encrypt.js";
import { generateDataKey } from "./operations/generateDataKey.js";
import { getParametersForImport } from "./operations/getParametersForImport.js";
import { importKeyMaterial } from "./operations/importKeyMaterial.js";
import { keyStateOperations } from "./operations/keyStateOperations.js";
import { listKeys } from "./operations/listKeys.js";
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
  return {
    createKey: createKey(deps),
    describeKey: describeKey(deps),
    listKeys: listKeys(deps),
    getParametersForImport: getParametersForImport(deps),
    importKeyMaterial: importKeyMaterial(deps),
    deleteImportedKeyMaterial: deleteImportedKeyMaterial(deps),
    ...keyStateOperations(deps),
    encrypt: encrypt(deps),
    decrypt: decrypt(deps),
    ...generateDataKey(deps),
  };
}
