import { err, type Result } from "neverthrow";
import { resolveExpiration } from "../expiration.js";
import type { KeyArn } from "../keyArn.js";
import type { KeyMaterialId } from "../keyMaterialId.js";
import type { ExpirationModel } from "../keyState.js";
import { type KmsError, kmsError } from "../kmsError.js";
import { keyMaterialIdRule, type RequestContext, readKeyRequest } from "./memberRules.js";
import { present } from "./present.js";

const expirationModelValues = ["KEY_MATERIAL_EXPIRES", "KEY_MATERIAL_DOES_NOT_EXPIRE"] as const;
/** `ImportType`: whether the material is the key's first (`NEW_KEY_MATERIAL`) or a reimport. */
export type ImportType = "NEW_KEY_MATERIAL" | "EXISTING_KEY_MATERIAL";

const importTypeValues: readonly ImportType[] = ["NEW_KEY_MATERIAL", "EXISTING_KEY_MATERIAL"];

/** The ImportKeyMaterial request, as in the AWS model. */
export interface ImportKeyMaterialRequest {
  readonly KeyId: string | undefined;
  readonly ImportToken: Uint8Array | undefined;
  readonly EncryptedKeyMaterial: Uint8Array | undefined;
  /** Required unless `ExpirationModel` is `KEY_MATERIAL_DOES_NOT_EXPIRE`. */
  readonly ValidTo?: Date | undefined;
  /** `KEY_MATERIAL_EXPIRES` when absent. */
  readonly ExpirationModel?: ExpirationModel | undefined;
  readonly ImportType?: ImportType | undefined;
  /** Kept with the material by the `current` profile (ListKeyRotations shows it); the `classic` profile only validates it. */
  readonly KeyMaterialDescription?: string | undefined;
  /** When given, the imported material must have this ID. */
  readonly KeyMaterialId?: string | undefined;
}

/** The ImportKeyMaterial response (docs/decisions/0010-key-material-id.md). */
export interface ImportKeyMaterialResponse {
  /** The key ARN. */
  readonly KeyId: string;
  readonly KeyMaterialId: string;
}

/** A validated ImportKeyMaterial request. */
export interface ImportKeyMaterialInput {
  readonly arn: KeyArn;
  readonly importToken: Uint8Array;
  readonly encryptedKeyMaterial: Uint8Array;
  /** The resolved expiry (docs/decisions/0008-expiration-model-and-valid-to.md): `undefined` for material that does not expire. */
  readonly validTo: Date | undefined;
  readonly importType: ImportType | undefined;
  readonly keyMaterialId: KeyMaterialId | undefined;
  readonly keyMaterialDescription: string | undefined;
}

/**
 * Validates an ImportKeyMaterial request, including the expiration rules (docs/decisions/0008-expiration-model-and-valid-to.md) at `context.now`.
 *
 * Errors: `SerializationException`; `ValidationException` (missing or oversized members,
 * unknown enum values, a `ValidTo` that is missing, forbidden, past or more than 365 days
 * ahead, `KeyMaterialId` with `NEW_KEY_MATERIAL`); the key reference errors of docs/decisions/0009-key-id-or-key-arn-only.md.
 */
export function validateImportKeyMaterialRequest(
  input: unknown,
  context: RequestContext,
): Result<ImportKeyMaterialInput, KmsError> {
  return readKeyRequest(input, context, "ImportKeyMaterial", (reader) => {
    const importToken = reader.blob("ImportToken", { required: true, min: 1, max: 6144 });
    const encryptedKeyMaterial = reader.blob("EncryptedKeyMaterial", {
      required: true,
      min: 1,
      max: 6144,
    });
    const validTo = reader.timestamp("ValidTo");
    const expirationModel = reader.enumValue("ExpirationModel", expirationModelValues);
    const importType = reader.enumValue("ImportType", importTypeValues);
    const keyMaterialDescription = reader.string("KeyMaterialDescription", {
      max: 256,
      pattern: /^[a-zA-Z0-9:/_\s.-]+$/,
    });
    const keyMaterialId = reader.string("KeyMaterialId", keyMaterialIdRule) as
      | KeyMaterialId
      | undefined;
    return () => ({
      importToken: present(importToken),
      encryptedKeyMaterial: present(encryptedKeyMaterial),
      validTo,
      expirationModel,
      importType,
      keyMaterialId,
      keyMaterialDescription,
    });
  }).andThen(({ expirationModel, validTo, ...request }) => {
    if (request.keyMaterialId !== undefined && request.importType === "NEW_KEY_MATERIAL") {
      return err(
        kmsError(
          "ValidationException",
          "KeyMaterialId cannot be specified when ImportType is NEW_KEY_MATERIAL",
        ),
      );
    }
    return resolveExpiration(expirationModel, validTo, context.now).map((resolved) => ({
      ...request,
      validTo: resolved,
    }));
  });
}
