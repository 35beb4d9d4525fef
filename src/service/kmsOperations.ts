import type { OperationName } from "../domain/operationName.js";
import { type OperationDescriptor, operation } from "./operationDescriptor.js";
import { createKey } from "./operations/createKey.js";
import { decrypt } from "./operations/decrypt.js";
import { deleteImportedKeyMaterial } from "./operations/deleteImportedKeyMaterial.js";
import { describeKey } from "./operations/describeKey.js";
import { encrypt } from "./operations/encrypt.js";
import { generateDataKey, generateDataKeyWithoutPlaintext } from "./operations/generateDataKey.js";
import { getParametersForImport } from "./operations/getParametersForImport.js";
import { importKeyMaterial } from "./operations/importKeyMaterial.js";
import {
  cancelKeyDeletion,
  disableKey,
  enableKey,
  scheduleKeyDeletion,
} from "./operations/keyStateOperations.js";
import { listKeys } from "./operations/listKeys.js";

const plain = { blobs: [], timestamps: [], requestOptional: false } as const;

/**
 * Every operation kms-byok implements, one descriptor each, by AWS's name. `Kms` has one method
 * per entry (the name in camelCase, documented here), `createKms` builds them, and the endpoint
 * answers `X-Amz-Target: TrentService.<name>` for each. A name of `OperationName` without an
 * entry here, or an entry without a name, does not compile.
 */
export const kmsOperations = {
  /** Cancels a scheduled deletion: `Disabled` with material, `PendingImport` without (docs/decisions/0006-losing-material-means-pending-import.md). */
  CancelKeyDeletion: operation({ ...plain, handler: cancelKeyDeletion }),
  /** Creates a key: `Origin: "EXTERNAL"` for one that waits in `PendingImport` for your material. */
  CreateKey: operation({ ...plain, requestOptional: true, handler: createKey }),
  /** Decrypts a ciphertext of this KMS; the ciphertext names its key. */
  Decrypt: operation({ ...plain, blobs: ["CiphertextBlob"], handler: decrypt }),
  /** Deletes the key's material; the key returns to `PendingImport` (docs/decisions/0006-losing-material-means-pending-import.md). */
  DeleteImportedKeyMaterial: operation({ ...plain, handler: deleteImportedKeyMaterial }),
  /** Describes a key as AWS does (`KeyMetadata`). */
  DescribeKey: operation({ ...plain, handler: describeKey }),
  /** Disables a key that has material. */
  DisableKey: operation({ ...plain, handler: disableKey }),
  /** Enables a key that has material. */
  EnableKey: operation({ ...plain, handler: enableKey }),
  /** Encrypts up to 4096 bytes under an `Enabled` key (docs/decisions/0014-key-state-errors.md). */
  Encrypt: operation({ ...plain, blobs: ["Plaintext"], handler: encrypt }),
  /** A fresh data key: its plaintext and its ciphertext under an `Enabled` key. */
  GenerateDataKey: operation({ ...plain, handler: generateDataKey }),
  /** A fresh data key, returned only encrypted under an `Enabled` key. */
  GenerateDataKeyWithoutPlaintext: operation({
    ...plain,
    handler: generateDataKeyWithoutPlaintext,
  }),
  /** Hands out a fresh RSA public key and an import token, valid for 24 hours (docs/decisions/0007-single-use-import-tokens.md). */
  GetParametersForImport: operation({ ...plain, handler: getParametersForImport }),
  /** Imports wrapped key material; the key becomes `Enabled` (docs/decisions/0004-material-bound-forever.md, docs/decisions/0005-reimport-keeps-the-key-state.md, docs/decisions/0007-single-use-import-tokens.md, docs/decisions/0008-expiration-model-and-valid-to.md). */
  ImportKeyMaterial: operation({
    ...plain,
    blobs: ["ImportToken", "EncryptedKeyMaterial"],
    timestamps: ["ValidTo"],
    handler: importKeyMaterial,
  }),
  /** Lists the keys of the account and Region, a page at a time. */
  ListKeys: operation({ ...plain, requestOptional: true, handler: listKeys }),
  /** Schedules deletion in 7–30 days (docs/decisions/0013-deletion-window.md). */
  ScheduleKeyDeletion: operation({ ...plain, handler: scheduleKeyDeletion }),
} satisfies { readonly [N in OperationName]: OperationDescriptor<never, unknown> };

/** The name of the `Kms` method of an operation: `ImportKeyMaterial` → `importKeyMaterial`. */
export function kmsMethodName<N extends OperationName>(operation: N): Uncapitalize<N> {
  return `${operation.charAt(0).toLowerCase()}${operation.slice(1)}` as Uncapitalize<N>;
}
