import type { Result } from "neverthrow";
import type { KeyArn } from "../keyArn.js";
import type { KeyMaterialId } from "../keyMaterialId.js";
import type { KmsError } from "../kmsError.js";
import { keyMaterialIdRule, type RequestContext, readKeyRequest } from "./memberRules.js";

/** The DeleteImportedKeyMaterial request, as in the AWS model. */
export interface DeleteImportedKeyMaterialRequest {
  readonly KeyId: string | undefined;
  /** When given, it must be the key's material. */
  readonly KeyMaterialId?: string | undefined;
}

/** The DeleteImportedKeyMaterial response (docs/decisions/0010-key-material-id.md); `KeyMaterialId` once material was ever imported. */
export interface DeleteImportedKeyMaterialResponse {
  readonly KeyId: string;
  readonly KeyMaterialId?: string;
}

/** A validated DeleteImportedKeyMaterial request. */
export interface DeleteImportedKeyMaterialInput {
  readonly arn: KeyArn;
  readonly keyMaterialId: KeyMaterialId | undefined;
}

/**
 * Validates a DeleteImportedKeyMaterial request.
 *
 * Errors: `SerializationException`, `ValidationException`, the key reference errors of docs/decisions/0009-key-id-or-key-arn-only.md.
 */
export function validateDeleteImportedKeyMaterialRequest(
  input: unknown,
  context: RequestContext,
): Result<DeleteImportedKeyMaterialInput, KmsError> {
  return readKeyRequest(input, context, "DeleteImportedKeyMaterial", (reader) => {
    const keyMaterialId = reader.string("KeyMaterialId", keyMaterialIdRule);
    return () => ({ keyMaterialId: keyMaterialId as KeyMaterialId | undefined });
  });
}
