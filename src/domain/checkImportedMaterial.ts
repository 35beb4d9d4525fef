import { err, ok, type Result } from "neverthrow";
import type { KeyCommand } from "./keyCommand.js";
import { sameKeyMaterialId } from "./keyMaterialId.js";
import type { KeyRecord } from "./keyRecord.js";
import { type KmsError, kmsError } from "./kmsError.js";

/** Symmetric key material is exactly this many bytes (docs/decisions/0002-material-is-exactly-32-bytes.md). */
export const symmetricKeyMaterialBytes = 32;

type ImportCommand = Extract<KeyCommand, { type: "ImportKeyMaterial" }>;

/**
 * Precondition: docs/decisions/0002-material-is-exactly-32-bytes.md (32 bytes), docs/decisions/0004-material-bound-forever.md (the bound material, if any, and no other), and what the
 * caller asserted with `ImportType` and `KeyMaterialId`.
 *
 * Errors: `IncorrectKeyMaterialException`.
 */
export function checkImportedMaterial(
  key: KeyRecord,
  { material, materialByteLength: byteLength, importType, expectedMaterialId }: ImportCommand,
): Result<void, KmsError> {
  return checkMaterialLength(byteLength).andThen(() =>
    checkClassicMaterial(key, material, importType, expectedMaterialId),
  );
}

/**
 * docs/decisions/0002-material-is-exactly-32-bytes.md: symmetric key material is 32 bytes.
 *
 * Errors: `IncorrectKeyMaterialException`.
 */
export function checkMaterialLength(byteLength: number): Result<void, KmsError> {
  return byteLength === symmetricKeyMaterialBytes
    ? ok(undefined)
    : incorrectMaterial(
        `Key material for a SYMMETRIC_DEFAULT key must be exactly ${symmetricKeyMaterialBytes} bytes; ` +
          `the unwrapped material has ${byteLength}.`,
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
