import type { Result } from "neverthrow";
import type { KeyArn } from "../keyArn.js";
import type { KmsError } from "../kmsError.js";
import { type RequestContext, readKeyRequest } from "./memberRules.js";

/** The EnableKeyRotation request. */
export interface EnableKeyRotationRequest {
  /** A key ID or key ARN; not an alias. */
  readonly KeyId: string | undefined;
  /** 90–2560 days between rotations; 365 when absent. */
  readonly RotationPeriodInDays?: number | undefined;
}

/** The GetKeyRotationStatus response. */
export interface GetKeyRotationStatusResponse {
  /** The key ARN. */
  readonly KeyId: string;
  readonly KeyRotationEnabled: boolean;
  /** Present while rotation is enabled. */
  readonly RotationPeriodInDays?: number;
  /** Present while rotation is enabled. */
  readonly NextRotationDate?: Date;
}

/** A validated EnableKeyRotation request. */
export interface EnableKeyRotationInput {
  readonly arn: KeyArn;
  readonly periodInDays: number;
}

/** The rotation period when EnableKeyRotation gives none. */
export const defaultRotationPeriodInDays = 365;

/**
 * Validates an EnableKeyRotation request (`RotationPeriodInDays` 90–2560, default 365).
 *
 * Errors: `SerializationException`, `ValidationException`, the key reference errors.
 */
export function validateEnableKeyRotationRequest(
  input: unknown,
  context: RequestContext,
): Result<EnableKeyRotationInput, KmsError> {
  return readKeyRequest(input, context, "EnableKeyRotation", (reader) => {
    const days =
      reader.integer("RotationPeriodInDays", { min: 90, max: 2560 }) ?? defaultRotationPeriodInDays;
    return () => ({ periodInDays: days });
  });
}
