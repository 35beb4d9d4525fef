import { type OperationDescriptor, operation } from "./operationDescriptor.js";
import { createAlias } from "./operations/createAlias.js";
import { createKey } from "./operations/createKey.js";
import { decrypt } from "./operations/decrypt.js";
import { deleteAlias } from "./operations/deleteAlias.js";
import { deleteImportedKeyMaterial } from "./operations/deleteImportedKeyMaterial.js";
import { describeKey } from "./operations/describeKey.js";
import { encrypt } from "./operations/encrypt.js";
import { generateDataKey, generateDataKeyWithoutPlaintext } from "./operations/generateDataKey.js";
import { generateMac } from "./operations/generateMac.js";
import { generateRandom } from "./operations/generateRandom.js";
import { getParametersForImport } from "./operations/getParametersForImport.js";
import { getPublicKey } from "./operations/getPublicKey.js";
import { importKeyMaterial } from "./operations/importKeyMaterial.js";
import { getKeyPolicy, listKeyPolicies, putKeyPolicy } from "./operations/keyPolicyOperations.js";
import {
  disableKeyRotation,
  enableKeyRotation,
  getKeyRotationStatus,
} from "./operations/keyRotationOperations.js";
import {
  cancelKeyDeletion,
  disableKey,
  enableKey,
  scheduleKeyDeletion,
} from "./operations/keyStateOperations.js";
import { listAliases } from "./operations/listAliases.js";
import { listKeyRotations } from "./operations/listKeyRotations.js";
import { listKeys } from "./operations/listKeys.js";
import { reEncrypt } from "./operations/reEncrypt.js";
import { rotateKeyOnDemand } from "./operations/rotateKeyOnDemand.js";
import { sign } from "./operations/sign.js";
import { listResourceTags, tagResource, untagResource } from "./operations/tagOperations.js";
import { updateAlias } from "./operations/updateAlias.js";
import { updateKeyDescription } from "./operations/updateKeyDescription.js";
import { verify } from "./operations/verify.js";
import { verifyMac } from "./operations/verifyMac.js";

const plain = { blobs: [], timestamps: [], requestOptional: false } as const;

/**
 * Every operation kms-byok implements, one descriptor each, by AWS's name. `Kms` has one method
 * per entry (the name in camelCase, documented here), `createKms` builds them, and the endpoint
 * answers `X-Amz-Target: TrentService.<name>` for each; `OperationName` is the union of the
 * names, so every table over operation names (the kit's request builders and commands among
 * them) must have an entry for a new one, or it does not compile.
 */
export const kmsOperations = {
  /** Cancels a scheduled deletion: `Disabled` with material, `PendingImport` without (docs/decisions/0006-losing-material-means-pending-import.md). */
  CancelKeyDeletion: operation({ ...plain, handler: cancelKeyDeletion }),
  /** Gives a key a new name, `alias/…`, unique in the account and Region (docs/decisions/0023-aliases.md). */
  CreateAlias: operation({ ...plain, handler: createAlias }),
  /** Creates a key: `Origin: "EXTERNAL"` for one that waits in `PendingImport` for your material. */
  CreateKey: operation({ ...plain, requestOptional: true, handler: createKey }),
  /** Decrypts a ciphertext of this KMS; the ciphertext names its key. */
  Decrypt: operation({ ...plain, blobs: ["CiphertextBlob"], handler: decrypt }),
  /** Deletes an alias; its key is not affected. */
  DeleteAlias: operation({ ...plain, handler: deleteAlias }),
  /** Deletes one material of the key, the current one by default; the key returns to `PendingImport` (docs/decisions/0006-losing-material-means-pending-import.md, docs/decisions/0030-rotation-of-imported-material.md). */
  DeleteImportedKeyMaterial: operation({ ...plain, handler: deleteImportedKeyMaterial }),
  /** Describes a key as AWS does (`KeyMetadata`). */
  DescribeKey: operation({ ...plain, handler: describeKey }),
  /** Disables a key that has material. */
  DisableKey: operation({ ...plain, handler: disableKey }),
  /** Turns automatic rotation off for an `AWS_KMS` key (docs/decisions/0026-rotation-settings.md). */
  DisableKeyRotation: operation({ ...plain, handler: disableKeyRotation }),
  /** Enables a key that has material. */
  EnableKey: operation({ ...plain, handler: enableKey }),
  /** Turns automatic rotation on for an `AWS_KMS` key; recorded, not performed (docs/decisions/0026-rotation-settings.md). */
  EnableKeyRotation: operation({ ...plain, handler: enableKeyRotation }),
  /** Encrypts up to 4096 bytes under an `Enabled` key (docs/decisions/0014-key-state-errors.md). */
  Encrypt: operation({ ...plain, blobs: ["Plaintext"], handler: encrypt }),
  /** A fresh data key: its plaintext and its ciphertext under an `Enabled` key. */
  GenerateDataKey: operation({ ...plain, handler: generateDataKey }),
  /** A fresh data key, returned only encrypted under an `Enabled` key. */
  GenerateDataKeyWithoutPlaintext: operation({
    ...plain,
    handler: generateDataKeyWithoutPlaintext,
  }),
  /** The HMAC of a message under an HMAC key (docs/decisions/0031-hmac-and-asymmetric-import.md; `current` profile). */
  GenerateMac: operation({ ...plain, blobs: ["Message"], handler: generateMac }),
  /** 1–1024 random bytes. */
  GenerateRandom: operation({ ...plain, requestOptional: true, handler: generateRandom }),
  /** The key policy: as set, or AWS's default for the account (docs/decisions/0027-key-policies.md). */
  GetKeyPolicy: operation({ ...plain, handler: getKeyPolicy }),
  /** Whether an `AWS_KMS` key rotates automatically, and when next (docs/decisions/0026-rotation-settings.md). */
  GetKeyRotationStatus: operation({ ...plain, handler: getKeyRotationStatus }),
  /** The public key of an RSA or ECC key, derived from its imported private key (docs/decisions/0031-hmac-and-asymmetric-import.md; `current` profile). */
  GetPublicKey: operation({ ...plain, handler: getPublicKey }),
  /** Hands out a fresh RSA public key and an import token, valid for 24 hours (docs/decisions/0007-single-use-import-tokens.md). */
  GetParametersForImport: operation({ ...plain, handler: getParametersForImport }),
  /** Imports wrapped key material; the key becomes `Enabled` (docs/decisions/0004-material-bound-forever.md, docs/decisions/0005-reimport-keeps-the-key-state.md, docs/decisions/0007-single-use-import-tokens.md, docs/decisions/0008-expiration-model-and-valid-to.md). */
  ImportKeyMaterial: operation({
    ...plain,
    blobs: ["ImportToken", "EncryptedKeyMaterial"],
    timestamps: ["ValidTo"],
    handler: importKeyMaterial,
  }),
  /** Lists the aliases of the account and Region, or of one key, a page at a time. */
  ListAliases: operation({ ...plain, requestOptional: true, handler: listAliases }),
  /** The names of the key's policies: always `default`. */
  ListKeyPolicies: operation({ ...plain, handler: listKeyPolicies }),
  /** A page of the key's materials, oldest first: all of them, or those rotations made current (docs/decisions/0030-rotation-of-imported-material.md). */
  ListKeyRotations: operation({ ...plain, handler: listKeyRotations }),
  /** Lists the keys of the account and Region, a page at a time. */
  ListKeys: operation({ ...plain, requestOptional: true, handler: listKeys }),
  /** A page of the key's tags (docs/decisions/0025-tags.md). */
  ListResourceTags: operation({ ...plain, handler: listResourceTags }),
  /** Replaces the key policy with a JSON document; stored, not enforced (docs/decisions/0027-key-policies.md). */
  PutKeyPolicy: operation({ ...plain, handler: putKeyPolicy }),
  /** Decrypts a ciphertext and encrypts its plaintext under another (or the same) key, inside kms-byok (docs/decisions/0028-re-encrypt.md). */
  ReEncrypt: operation({ ...plain, blobs: ["CiphertextBlob"], handler: reEncrypt }),
  /** Makes the key's next material current at once: the imported one pending rotation, or a generated one (docs/decisions/0030-rotation-of-imported-material.md; `current` profile). */
  RotateKeyOnDemand: operation({ ...plain, handler: rotateKeyOnDemand }),
  /** Schedules deletion in 7–30 days (docs/decisions/0013-deletion-window.md). */
  ScheduleKeyDeletion: operation({ ...plain, handler: scheduleKeyDeletion }),
  /** Signs a message or digest with a signing key's imported private key (docs/decisions/0031-hmac-and-asymmetric-import.md; `current` profile). */
  Sign: operation({ ...plain, blobs: ["Message"], handler: sign }),
  /** Sets tags on a key (docs/decisions/0025-tags.md). */
  TagResource: operation({ ...plain, handler: tagResource }),
  /** Removes tags from a key (docs/decisions/0025-tags.md). */
  UntagResource: operation({ ...plain, handler: untagResource }),
  /** Points an alias at another key. */
  UpdateAlias: operation({ ...plain, handler: updateAlias }),
  /** Replaces a key's description. */
  UpdateKeyDescription: operation({ ...plain, handler: updateKeyDescription }),
  /** Whether a signature is the key's; an invalid one is `KMSInvalidSignatureException` (docs/decisions/0031-hmac-and-asymmetric-import.md; `current` profile). */
  Verify: operation({ ...plain, blobs: ["Message", "Signature"], handler: verify }),
  /** Whether a MAC is the key's HMAC of a message; an invalid one is `KMSInvalidMacException` (docs/decisions/0031-hmac-and-asymmetric-import.md; `current` profile). */
  VerifyMac: operation({ ...plain, blobs: ["Message", "Mac"], handler: verifyMac }),
} satisfies Readonly<Record<string, OperationDescriptor<never, unknown>>>;

/** The KMS operations kms-byok implements, named as AWS names them: the keys of `kmsOperations`. */
export type OperationName = keyof typeof kmsOperations;

/** The name of the `Kms` method of an operation: `ImportKeyMaterial` → `importKeyMaterial`. */
export function kmsMethodName<N extends OperationName>(operation: N): Uncapitalize<N> {
  return `${operation.charAt(0).toLowerCase()}${operation.slice(1)}` as Uncapitalize<N>;
}
