import type { ResultAsync } from "neverthrow";
import type { KmsError } from "../domain/kmsError.js";
import type { CreateKeyRequest, CreateKeyResponse } from "../domain/requests/createKey.js";
import type { DecryptRequest, DecryptResponse } from "../domain/requests/decrypt.js";
import type {
  DeleteImportedKeyMaterialRequest,
  DeleteImportedKeyMaterialResponse,
} from "../domain/requests/deleteImportedKeyMaterial.js";
import type { DescribeKeyRequest, DescribeKeyResponse } from "../domain/requests/describeKey.js";
import type { EncryptRequest, EncryptResponse } from "../domain/requests/encrypt.js";
import type {
  GenerateDataKeyRequest,
  GenerateDataKeyResponse,
  GenerateDataKeyWithoutPlaintextRequest,
  GenerateDataKeyWithoutPlaintextResponse,
} from "../domain/requests/generateDataKey.js";
import type {
  GetParametersForImportRequest,
  GetParametersForImportResponse,
} from "../domain/requests/getParametersForImport.js";
import type {
  ImportKeyMaterialRequest,
  ImportKeyMaterialResponse,
} from "../domain/requests/importKeyMaterial.js";
import type { KeyIdRequest } from "../domain/requests/keyIdRequest.js";
import type { ListKeysRequest, ListKeysResponse } from "../domain/requests/listKeys.js";
import type {
  ScheduleKeyDeletionRequest,
  ScheduleKeyDeletionResponse,
} from "../domain/requests/scheduleKeyDeletion.js";
import type { AuditSink } from "../ports/auditSink.js";
import type { Clock } from "../ports/clock.js";
import type { CryptoProvider } from "../ports/cryptoProvider.js";
import type { IdGenerator } from "../ports/idGenerator.js";
import type { KeyStore } from "../ports/keyStore.js";

/** The EnableKey request. */
export type EnableKeyRequest = KeyIdRequest;
/** The DisableKey request. */
export type DisableKeyRequest = KeyIdRequest;
/** The CancelKeyDeletion request. */
export type CancelKeyDeletionRequest = KeyIdRequest;
/** The response of operations that return nothing (EnableKey, DisableKey). */
export type EmptyResponse = Readonly<Record<string, never>>;
/** The CancelKeyDeletion response. */
export interface CancelKeyDeletionResponse {
  readonly KeyId: string;
}

/**
 * A KMS for keys with imported material: one method per AWS operation, named as the operation
 * in camelCase, taking and returning AWS's shapes. Every method resolves to `ok(response)` or
 * `err(KmsError)`; requests of any shape, even garbage, get an error value, never a throw.
 */
export interface Kms {
  /** Creates a key: `Origin: "EXTERNAL"` for one that waits in `PendingImport` for your material. */
  createKey(request?: CreateKeyRequest): ResultAsync<CreateKeyResponse, KmsError>;
  /** Describes a key as AWS does (`KeyMetadata`). */
  describeKey(request: DescribeKeyRequest): ResultAsync<DescribeKeyResponse, KmsError>;
  /** Lists the keys of the account and Region, a page at a time. */
  listKeys(request?: ListKeysRequest): ResultAsync<ListKeysResponse, KmsError>;
  /** Hands out a fresh RSA public key and an import token, valid for 24 hours (docs/decisions/0007-single-use-import-tokens.md). */
  getParametersForImport(
    request: GetParametersForImportRequest,
  ): ResultAsync<GetParametersForImportResponse, KmsError>;
  /** Imports wrapped key material; the key becomes `Enabled` (docs/decisions/0004-material-bound-forever.md, docs/decisions/0005-reimport-keeps-the-key-state.md, docs/decisions/0007-single-use-import-tokens.md, docs/decisions/0008-expiration-model-and-valid-to.md). */
  importKeyMaterial(
    request: ImportKeyMaterialRequest,
  ): ResultAsync<ImportKeyMaterialResponse, KmsError>;
  /** Deletes the key's material; the key returns to `PendingImport` (docs/decisions/0006-losing-material-means-pending-import.md). */
  deleteImportedKeyMaterial(
    request: DeleteImportedKeyMaterialRequest,
  ): ResultAsync<DeleteImportedKeyMaterialResponse, KmsError>;
  /** Enables a key that has material. */
  enableKey(request: EnableKeyRequest): ResultAsync<EmptyResponse, KmsError>;
  /** Disables a key that has material. */
  disableKey(request: DisableKeyRequest): ResultAsync<EmptyResponse, KmsError>;
  /** Schedules deletion in 7–30 days (docs/decisions/0013-deletion-window.md). */
  scheduleKeyDeletion(
    request: ScheduleKeyDeletionRequest,
  ): ResultAsync<ScheduleKeyDeletionResponse, KmsError>;
  /** Cancels a scheduled deletion: `Disabled` with material, `PendingImport` without (docs/decisions/0006-losing-material-means-pending-import.md). */
  cancelKeyDeletion(
    request: CancelKeyDeletionRequest,
  ): ResultAsync<CancelKeyDeletionResponse, KmsError>;
  /** Encrypts up to 4096 bytes under an `Enabled` key (docs/decisions/0014-key-state-errors.md). */
  encrypt(request: EncryptRequest): ResultAsync<EncryptResponse, KmsError>;
  /** Decrypts a ciphertext of this KMS; the ciphertext names its key. */
  decrypt(request: DecryptRequest): ResultAsync<DecryptResponse, KmsError>;
  /** A fresh data key: its plaintext and its ciphertext under an `Enabled` key. */
  generateDataKey(request: GenerateDataKeyRequest): ResultAsync<GenerateDataKeyResponse, KmsError>;
  /** A fresh data key, returned only encrypted under an `Enabled` key. */
  generateDataKeyWithoutPlaintext(
    request: GenerateDataKeyWithoutPlaintextRequest,
  ): ResultAsync<GenerateDataKeyWithoutPlaintextResponse, KmsError>;
}

/** Options of `createKms`; every port has a default. */
export interface KmsOptions {
  /** The 12-digit account that owns the keys; `111122223333` when absent. */
  readonly accountId?: string;
  /** The Region of the keys; `us-east-1` when absent. */
  readonly region?: string;
  /** Where keys are stored; `memoryKeyStore()` when absent. */
  readonly store?: KeyStore;
  /** The cryptography; `nodeCrypto()` when absent. */
  readonly crypto?: CryptoProvider;
  /** The time; `systemClock()` when absent. */
  readonly clock?: Clock;
  /** New key and parameter set IDs; random UUIDs when absent. */
  readonly ids?: IdGenerator;
  /** Receives every committed event; none when absent. */
  readonly audit?: AuditSink;
  /** How often an operation is tried when concurrent writes conflict; 5 when absent. */
  readonly maxWriteAttempts?: number;
}
