import type { Result } from "neverthrow";
import type { KeyArn } from "../keyArn.js";
import type { KeyMaterialState } from "../keyRecord.js";
import type { ExpirationModel } from "../keyState.js";
import type { KmsError } from "../kmsError.js";
import { type RequestContext, readKeyRequest } from "./memberRules.js";

/** The values of `IncludeKeyMaterial`. */
export const includeKeyMaterialValues = ["ALL_KEY_MATERIAL", "ROTATIONS_ONLY"] as const;
/** `IncludeKeyMaterial`: every material of the key, or only those a rotation made current. */
export type IncludeKeyMaterial = (typeof includeKeyMaterialValues)[number];

/** The ListKeyRotations request. */
export interface ListKeyRotationsRequest {
  /** A key ID or key ARN; not an alias. */
  readonly KeyId: string | undefined;
  /** `ROTATIONS_ONLY` when absent. */
  readonly IncludeKeyMaterial?: IncludeKeyMaterial | undefined;
  /** 1–1000 entries per page; 100 when absent. */
  readonly Limit?: number | undefined;
  /** The `NextMarker` of the previous page. */
  readonly Marker?: string | undefined;
}

/** One material of a key in a ListKeyRotations page (docs/decisions/0030-rotation-of-imported-material.md). */
export interface RotationsListEntry {
  /** The key ARN. */
  readonly KeyId: string;
  readonly KeyMaterialId: string;
  /** Imported symmetric material only, when it was given one. */
  readonly KeyMaterialDescription?: string;
  /** Imported symmetric material only. */
  readonly ImportState?: "IMPORTED" | "PENDING_IMPORT";
  readonly KeyMaterialState: KeyMaterialState;
  /** Imported symmetric material only, while imported. */
  readonly ExpirationModel?: ExpirationModel;
  /** While imported material expires. */
  readonly ValidTo?: Date;
  /** When a rotation made the material current; absent for the first and a pending material. */
  readonly RotationDate?: Date;
  readonly RotationType?: "ON_DEMAND";
}

/** The ListKeyRotations response. */
export interface ListKeyRotationsResponse {
  readonly Rotations: RotationsListEntry[];
  readonly Truncated: boolean;
  readonly NextMarker?: string;
}

/** A validated ListKeyRotations request. */
export interface ListKeyRotationsInput {
  readonly arn: KeyArn;
  /** Absent when the request left it out: only symmetric keys accept it. */
  readonly includeKeyMaterial: IncludeKeyMaterial | undefined;
  readonly limit: number;
  readonly marker?: string;
}

/**
 * Validates a ListKeyRotations request (`Limit` 1–1000, `Marker` 1–1024 printable characters).
 *
 * Errors: `SerializationException`, `ValidationException`, the key reference errors.
 */
export function validateListKeyRotationsRequest(
  input: unknown,
  context: RequestContext,
): Result<ListKeyRotationsInput, KmsError> {
  return readKeyRequest(input, context, "ListKeyRotations", (reader) => {
    const includeKeyMaterial = reader.enumValue("IncludeKeyMaterial", includeKeyMaterialValues);
    const limit = reader.integer("Limit", { min: 1, max: 1000 }) ?? 100;
    const marker = reader.string("Marker", { min: 1, max: 1024, pattern: /^[\u0020-\u00FF]*$/ });
    return () => ({ includeKeyMaterial, limit, ...(marker === undefined ? {} : { marker }) });
  });
}
