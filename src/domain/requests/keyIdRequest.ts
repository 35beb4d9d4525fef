import type { Result } from "neverthrow";
import type { KeyArn } from "../keyArn.js";
import type { KmsError } from "../kmsError.js";
import { type RequestContext, readKeyRequest } from "./memberRules.js";

/** The request of the operations that take only a key ID or key ARN (no alias, docs/decisions/0024-key-id-only-operations-refuse-aliases.md). */
export interface KeyIdRequest {
  readonly KeyId: string | undefined;
}

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

/** The DisableKeyRotation request. */
export type DisableKeyRotationRequest = KeyIdRequest;
/** The GetKeyRotationStatus request. */
export type GetKeyRotationStatusRequest = KeyIdRequest;

/** The RotateKeyOnDemand request. */
export type RotateKeyOnDemandRequest = KeyIdRequest;
/** The RotateKeyOnDemand response: the key ARN. */
export interface RotateKeyOnDemandResponse {
  readonly KeyId: string;
}

/** The operations whose request is only a `KeyId`. */
export type KeyIdOperation =
  | "EnableKey"
  | "DisableKey"
  | "CancelKeyDeletion"
  | "DisableKeyRotation"
  | "GetKeyRotationStatus"
  | "RotateKeyOnDemand";

/**
 * Validates a request that names one key by key ID or key ARN.
 *
 * Errors: `SerializationException`, `ValidationException`, and the key reference errors of docs/decisions/0009-key-id-or-key-arn-only.md
 * (`NotFoundException`, `AccessDeniedException`, `UnsupportedOperationException`).
 */
export function validateKeyIdRequest(
  input: unknown,
  context: RequestContext,
  operation: KeyIdOperation,
): Result<KeyArn, KmsError> {
  return readKeyRequest(input, context, operation, () => () => ({})).map(({ arn }) => arn);
}
