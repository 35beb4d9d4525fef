import type { Result } from "neverthrow";
import type { KeyArn } from "../keyArn.js";
import type { KeyMaterialId } from "../keyMaterialId.js";
import type { KmsError } from "../kmsError.js";
import { resolveKeyReference } from "../resolveKeyReference.js";
import { keyIdRule, type RequestContext } from "./memberRules.js";
import { present, RequestReader } from "./requestReader.js";

/** The DeleteImportedKeyMaterial request, as in the AWS model. */
export interface DeleteImportedKeyMaterialRequest {
  readonly KeyId: string | undefined;
  /** When given, it must be the key's material. */
  readonly KeyMaterialId?: string | undefined;
}

/** The DeleteImportedKeyMaterial response (D10); `KeyMaterialId` once material was ever imported. */
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
 * Errors: `SerializationException`, `ValidationException`, the key reference errors of D9.
 */
export function validateDeleteImportedKeyMaterialRequest(
  input: unknown,
  context: RequestContext,
): Result<DeleteImportedKeyMaterialInput, KmsError> {
  return RequestReader.of(input)
    .andThen((reader) => {
      const keyId = reader.string("KeyId", keyIdRule);
      const keyMaterialId = reader.string("KeyMaterialId", {
        min: 64,
        max: 64,
        pattern: /^[a-f0-9]+$/,
      });
      return reader.finish(() => ({
        keyId: present(keyId),
        keyMaterialId: keyMaterialId as KeyMaterialId | undefined,
      }));
    })
    .andThen(({ keyId, keyMaterialId }) =>
      resolveKeyReference(keyId, context.scope, "DeleteImportedKeyMaterial", "refuse").map(
        (arn) => ({
          arn,
          keyMaterialId,
        }),
      ),
    );
}
