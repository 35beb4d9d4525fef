import type { Result } from "neverthrow";
import type { KeyArn } from "../keyArn.js";
import type { KmsError } from "../kmsError.js";
import { type RequestContext, readKeyRequest } from "./memberRules.js";

/** The ScheduleKeyDeletion request, as in the AWS model. */
export interface ScheduleKeyDeletionRequest {
  readonly KeyId: string | undefined;
  /** 7–30 days; 30 when absent (docs/decisions/0013-deletion-window.md). */
  readonly PendingWindowInDays?: number | undefined;
}

/** The ScheduleKeyDeletion response. */
export interface ScheduleKeyDeletionResponse {
  readonly KeyId: string;
  readonly DeletionDate: Date;
  readonly KeyState: "PendingDeletion";
  readonly PendingWindowInDays: number;
}

/** A validated ScheduleKeyDeletion request. */
export interface ScheduleKeyDeletionInput {
  readonly arn: KeyArn;
  readonly pendingWindowInDays: number;
}

/** The waiting period when a ScheduleKeyDeletion request gives none (docs/decisions/0013-deletion-window.md). */
export const defaultPendingWindowInDays = 30;

/**
 * Validates a ScheduleKeyDeletion request (docs/decisions/0013-deletion-window.md: `PendingWindowInDays` 7–30, default 30).
 *
 * Errors: `SerializationException`, `ValidationException`, the key reference errors of docs/decisions/0009-key-id-or-key-arn-only.md.
 */
export function validateScheduleKeyDeletionRequest(
  input: unknown,
  context: RequestContext,
): Result<ScheduleKeyDeletionInput, KmsError> {
  return readKeyRequest(input, context, "ScheduleKeyDeletion", (reader) => {
    const days =
      reader.integer("PendingWindowInDays", { min: 7, max: 30 }) ?? defaultPendingWindowInDays;
    return () => ({ pendingWindowInDays: days });
  });
}
