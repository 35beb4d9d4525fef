import { err, ok, type Result } from "neverthrow";
import { article, checkMaterialFacts } from "./checkMaterialFacts.js";
import type { KeyCommand } from "./keyCommand.js";
import { sameKeyMaterialId } from "./keyMaterialId.js";
import type { KeyRecord } from "./keyRecord.js";
import { type KmsError, kmsError } from "./kmsError.js";

type ImportCommand = Extract<KeyCommand, { type: "ImportKeyMaterial" }>;

/**
 * Precondition: no `ImportType` or `KeyMaterialId` for an HMAC or asymmetric key (docs/decisions/0031-hmac-and-asymmetric-import.md), the material fits the key spec ({@link checkMaterialFacts}), docs/decisions/0004-material-bound-forever.md (the bound material, if any, and no other), and what the
 * caller asserted with `ImportType` and `KeyMaterialId`.
 *
 * Errors: `ValidationException`, `IncorrectKeyMaterialException`.
 */
export function checkImportedMaterial(
  key: KeyRecord,
  { material, materialFacts, importType, expectedMaterialId }: ImportCommand,
): Result<void, KmsError> {
  if (key.keySpec !== undefined && (importType !== undefined || expectedMaterialId !== undefined)) {
    return err(
      kmsError(
        "ValidationException",
        `Input parameter ${importType === undefined ? "KeyMaterialId" : "ImportType"} can only be used with symmetric encryption keys: the key material of ${key.arn}, ${article(key.keySpec)} ${key.keySpec} key, cannot change.`,
      ),
    );
  }
  return checkMaterialFacts(key, materialFacts).andThen(() =>
    checkClassicMaterial(key, material, importType, expectedMaterialId),
  );
}

function checkClassicMaterial(
  key: KeyRecord,
  material: ImportCommand["material"],
  importType: ImportCommand["importType"],
  expectedMaterialId: ImportCommand["expectedMaterialId"],
): Result<void, KmsError> {
  if (key.boundMaterialId !== undefined && !sameKeyMaterialId(key.boundMaterialId, material.id)) {
    return incorrectMaterial(
      `The key material is not the key material previously imported into ${key.arn}. ` +
        "Only the same key material can be reimported; different key material needs a new KMS key.",
    );
  }
  if (importType === "NEW_KEY_MATERIAL" && key.boundMaterialId !== undefined) {
    return incorrectMaterial(
      `This key material is already associated with ${key.arn}: import it with ImportType EXISTING_KEY_MATERIAL. ` +
        "kms-byok binds one key material per key (no on-demand rotation of imported keys).",
    );
  }
  if (importType === "EXISTING_KEY_MATERIAL" && key.boundMaterialId === undefined) {
    return incorrectMaterial(
      `No key material was ever imported into ${key.arn}; use ImportType NEW_KEY_MATERIAL.`,
    );
  }
  if (expectedMaterialId !== undefined && !sameKeyMaterialId(expectedMaterialId, material.id)) {
    return incorrectMaterial(
      `The key material does not have the KeyMaterialId ${expectedMaterialId}.`,
    );
  }
  return ok(undefined);
}

function incorrectMaterial(message: string): Result<never, KmsError> {
  return err(kmsError("IncorrectKeyMaterialException", message));
}
