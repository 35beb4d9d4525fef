import { err, ok, type Result } from "neverthrow";
import { checkMaterialFacts } from "./checkMaterialFacts.js";
import type { KeyCommand } from "./keyCommand.js";
import { sameKeyMaterialId } from "./keyMaterialId.js";
import { keyMaterials, withKeyMaterials } from "./keyMaterials.js";
import type { KeyRecord, OtherMaterial } from "./keyRecord.js";
import { requireSymmetricKey } from "./keyRotationPreconditions.js";
import { type KmsError, kmsError } from "./kmsError.js";
import { withoutBytes } from "./observeKey.js";
import { requireEnabledKey } from "./requireEnabledKey.js";

/** AWS's documented limit of on-demand rotations per key (25 since February 2026; 10 before). */
export const defaultRotationLimit = 25;

type ImportCommand = Extract<KeyCommand, { type: "ImportKeyMaterial" }>;
type RotateCommand = Extract<KeyCommand, { type: "RotateKeyOnDemand" }>;

/**
 * ImportKeyMaterial into a symmetric `EXTERNAL` key of the `current` profile (docs/decisions/0030-rotation-of-imported-material.md). `ImportType`
 * defaults to `NEW_KEY_MATERIAL` for a key that never had material and to
 * `EXISTING_KEY_MATERIAL` after. New material is the key's first, or else waits for
 * RotateKeyOnDemand (one at a time); existing material must be one the key has, and is imported
 * again with the new expiry.
 *
 * Errors: `IncorrectKeyMaterialException` (not 32 bytes, not the `KeyMaterialId` asked for, new
 * material the key already has, existing material it does not have); `KMSInvalidStateException`
 * when new material arrives while another is pending rotation.
 */
export function importRotatableMaterial(
  key: KeyRecord,
  command: ImportCommand,
): Result<KeyRecord, KmsError> {
  const { material, importType, expectedMaterialId } = command;
  const materials = keyMaterials(key);
  const same = materials.find((m) => sameKeyMaterialId(m.id, material.id));
  const imported: Omit<OtherMaterial, "state"> = {
    ...material,
    ...(command.description === undefined ? {} : { description: command.description }),
  };
  return checkMaterialFacts(key, command.materialFacts).andThen(() => {
    if ((importType ?? defaultImportType(key)) === "NEW_KEY_MATERIAL") {
      if (same !== undefined) {
        return incorrectMaterial(
          `The key material ${material.id} is already associated with ${key.arn}: import it with ImportType EXISTING_KEY_MATERIAL.`,
        );
      }
      if (materials.length === 0)
        return ok(withKeyMaterials(key, [{ ...imported, state: "CURRENT" }]));
      const pending = materials.find((m) => m.state === "PENDING_ROTATION");
      if (pending !== undefined) {
        return err(
          kmsError(
            "KMSInvalidStateException",
            `New key material (id: ${material.id}) cannot be imported into KMS key ${key.arn}, because another key material (id: ${pending.id}) is pending rotation.`,
          ),
        );
      }
      return ok(withKeyMaterials(key, [...materials, { ...imported, state: "PENDING_ROTATION" }]));
    }
    if (expectedMaterialId !== undefined && !sameKeyMaterialId(expectedMaterialId, material.id)) {
      return incorrectMaterial(
        `The key material does not have the KeyMaterialId ${expectedMaterialId}.`,
      );
    }
    if (same === undefined) {
      return incorrectMaterial(
        materials.length === 0
          ? `No key material was ever imported into ${key.arn}; use ImportType NEW_KEY_MATERIAL.`
          : `The key material is not associated with ${key.arn}. New key material needs ImportType NEW_KEY_MATERIAL.`,
      );
    }
    const { state, rotationDate, description } = same;
    const again: OtherMaterial = {
      ...(description === undefined ? {} : { description }),
      ...(rotationDate === undefined ? {} : { rotationDate }),
      ...imported,
      state,
    };
    return ok(
      withKeyMaterials(
        key,
        materials.map((m) => (m === same ? again : m)),
      ),
    );
  });
}

function defaultImportType(key: KeyRecord) {
  return key.boundMaterialId === undefined ? "NEW_KEY_MATERIAL" : "EXISTING_KEY_MATERIAL";
}

/**
 * DeleteImportedKeyMaterial of one material (docs/decisions/0030-rotation-of-imported-material.md): the one `KeyMaterialId` names, the current
 * one when it names none. A deleted material the key depends on makes it `PendingImport`; a
 * material pending rotation is dropped altogether. Deleting a missing material changes nothing.
 * Returns the key and the ID of the material deleted, if the key ever had material.
 *
 * Errors: `NotFoundException` when the key has no material of that ID.
 */
export function deleteOneMaterial(
  key: KeyRecord,
  command: Extract<KeyCommand, { type: "DeleteImportedKeyMaterial" }>,
): Result<{ readonly key: KeyRecord; readonly deleted?: OtherMaterial }, KmsError> {
  const id = command.expectedMaterialId ?? key.boundMaterialId;
  if (id === undefined) return ok({ key });
  const materials = keyMaterials(key);
  const target = materials.find((m) => sameKeyMaterialId(m.id, id));
  if (target === undefined) {
    return err(
      kmsError("NotFoundException", `Key material ${id} is not associated with ${key.arn}.`),
    );
  }
  const rest =
    target.state === "PENDING_ROTATION"
      ? materials.filter((m) => m !== target)
      : materials.map((m) => (m === target ? withoutBytes(m) : m));
  return ok({ key: withKeyMaterials(key, rest), deleted: target });
}

/**
 * RotateKeyOnDemand (docs/decisions/0030-rotation-of-imported-material.md): the key's material pending rotation (`EXTERNAL`) or the generated
 * material in the command (`AWS_KMS`) becomes current, dated `now`; the current one stays to
 * decrypt. The `classic` profile rotates nothing.
 *
 * Errors: the key state errors of an `Enabled`-only operation; `UnsupportedOperationException`
 * for a key that is not a symmetric encryption key and for any key in the `classic` profile;
 * `LimitExceededException` after `rotationLimit` rotations; `KMSInvalidStateException` for an
 * `EXTERNAL` key with no imported material pending rotation.
 */
export function rotateKeyMaterial(
  stored: KeyRecord,
  command: RotateCommand,
  now: Date,
): Result<KeyRecord, KmsError> {
  return requireSymmetricKey(stored)
    .andThen(requireEnabledKey)
    .andThen((key) => {
      if (command.behaviour === "classic") {
        return unsupported(
          key.origin === "EXTERNAL"
            ? `${key.arn} origin is EXTERNAL which is not valid for this operation.`
            : `kms-byok's classic behaviour profile keeps one key material per key: RotateKeyOnDemand needs the current profile.`,
        );
      }
      const materials = keyMaterials(key);
      if (materials.filter((m) => m.rotationDate !== undefined).length >= command.rotationLimit) {
        return err(
          kmsError(
            "LimitExceededException",
            `The on-demand rotations limit has been reached for the given keyId. No more on-demand rotations can be performed for this key: ${key.arn}`,
          ),
        );
      }
      const incoming =
        command.generated === undefined
          ? materials.find((m) => m.state === "PENDING_ROTATION" && m.sealed !== undefined)
          : { ...command.generated, state: "PENDING_ROTATION" as const };
      if (incoming === undefined) {
        return err(
          kmsError(
            "KMSInvalidStateException",
            `No available key material pending rotation for the key: ${key.arn}.`,
          ),
        );
      }
      const rotated = materials.flatMap((m): OtherMaterial[] =>
        m === incoming ? [] : m.state === "CURRENT" ? [{ ...m, state: "NON_CURRENT" }] : [m],
      );
      return ok(
        withKeyMaterials(key, [...rotated, { ...incoming, state: "CURRENT", rotationDate: now }]),
      );
    });
}

function unsupported(message: string): Result<never, KmsError> {
  return err(kmsError("UnsupportedOperationException", message));
}

function incorrectMaterial(message: string): Result<never, KmsError> {
  return err(kmsError("IncorrectKeyMaterialException", message));
}
