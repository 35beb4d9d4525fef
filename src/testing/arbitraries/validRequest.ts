import type fc from "fast-check";
import type { OperationName } from "../../domain/operationName.js";
import type { CreateKeyRequest } from "../../domain/requests/createKey.js";
import type { DecryptRequest } from "../../domain/requests/decrypt.js";
import type { DeleteImportedKeyMaterialRequest } from "../../domain/requests/deleteImportedKeyMaterial.js";
import type { DescribeKeyRequest } from "../../domain/requests/describeKey.js";
import type { EncryptRequest } from "../../domain/requests/encrypt.js";
import type {
  GenerateDataKeyRequest,
  GenerateDataKeyWithoutPlaintextRequest,
} from "../../domain/requests/generateDataKey.js";
import type { GetParametersForImportRequest } from "../../domain/requests/getParametersForImport.js";
import type { ImportKeyMaterialRequest } from "../../domain/requests/importKeyMaterial.js";
import type { ListKeysRequest } from "../../domain/requests/listKeys.js";
import type { ScheduleKeyDeletionRequest } from "../../domain/requests/scheduleKeyDeletion.js";
import type { Clock } from "../../ports/clock.js";
import type {
  CancelKeyDeletionRequest,
  DisableKeyRequest,
  EnableKeyRequest,
} from "../../service/kms.js";
import { generationContext } from "./_internals/generationContext.js";
import { builderOf } from "./_internals/requests/operationBuilders.js";

/** The request type of each operation. */
export interface OperationRequests {
  readonly CancelKeyDeletion: CancelKeyDeletionRequest;
  readonly CreateKey: CreateKeyRequest;
  readonly Decrypt: DecryptRequest;
  readonly DeleteImportedKeyMaterial: DeleteImportedKeyMaterialRequest;
  readonly DescribeKey: DescribeKeyRequest;
  readonly DisableKey: DisableKeyRequest;
  readonly EnableKey: EnableKeyRequest;
  readonly Encrypt: EncryptRequest;
  readonly GenerateDataKey: GenerateDataKeyRequest;
  readonly GenerateDataKeyWithoutPlaintext: GenerateDataKeyWithoutPlaintextRequest;
  readonly GetParametersForImport: GetParametersForImportRequest;
  readonly ImportKeyMaterial: ImportKeyMaterialRequest;
  readonly ListKeys: ListKeysRequest;
  readonly ScheduleKeyDeletion: ScheduleKeyDeletionRequest;
}

/** Constraints of {@link validRequest}, {@link invalidRequest} and {@link garbageRequest}. */
export interface RequestConstraints {
  /** The KMS's 12-digit account. @defaultValue `"111122223333"`, as `createKms` */
  readonly accountId?: string;
  /** The KMS's Region. @defaultValue `"us-east-1"`, as `createKms` */
  readonly region?: string;
  /**
   * The time of the request, for `ValidTo` (D8): a fixed `Date`, or a `Clock` read each time a
   * value is generated. @defaultValue the system clock
   */
  readonly now?: Date | Clock;
  /**
   * Milliseconds by which the request may come before or after generation with each `ValidTo`
   * keeping its verdict (D8), for a clock that moves meanwhile.
   * @defaultValue 0 with `now`, one minute without
   */
  readonly margin?: number;
  /**
   * The `KeyId` of valid requests, for instance `fc.constantFrom(...yourKeyIds)` to reach
   * existing keys. @defaultValue key IDs and key ARNs of the scope, naming no existing key
   */
  readonly keyId?: fc.Arbitrary<string>;
}

/**
 * Requests of `operation` that pass its validation: required members present, optional ones
 * sometimes, every value in range, the key named by a key ID or an ARN of the scope. They are
 * syntactically valid only: the keys, tokens and ciphertexts they name need not exist, so a KMS
 * may still answer `NotFoundException`, `InvalidImportTokenException`,
 * `InvalidCiphertextException`, `InvalidMarkerException`, or with `DryRun: true`,
 * `DryRunOperationException`.
 *
 * Throws `TypeError` for an unknown operation or invalid constraints.
 *
 * @example
 * ```ts
 * const requests = arbitraries.validRequest("ScheduleKeyDeletion", { keyId: fc.constant(KeyId) });
 * fc.assert(fc.asyncProperty(requests, async (request) =>
 *   (await kms.scheduleKeyDeletion(request)).isOk()));
 * ```
 */
export function validRequest<O extends OperationName>(
  operation: O,
  constraints: RequestConstraints = {},
): fc.Arbitrary<OperationRequests[O]> {
  const builder = builderOf(operation, "validRequest");
  return builder.valid(generationContext(constraints, "validRequest"));
}
