// Compile-time checks (tsc, not vitest) of what the domain's types promise.

import type { KeyMetadata } from "../../src/domain/keyMetadata.js";
import type { KeyMaterial, KeyRecord } from "../../src/domain/keyRecord.js";
import type { KmsError, KmsErrorName } from "../../src/domain/kmsError.js";

export function materialExistsOnlyWhereItCan(key: KeyRecord): KeyMaterial | undefined {
  switch (key.keyState) {
    case "PendingImport":
      // @ts-expect-error a PendingImport key has no material
      return key.material;
    case "Enabled":
    case "Disabled":
      return key.material satisfies KeyMaterial; // always present
    case "PendingDeletion":
      return key.material; // present or not
  }
}

export function deletionDateExistsOnlyWhilePendingDeletion(key: KeyRecord): Date | undefined {
  if (key.keyState === "PendingDeletion") return key.deletionDate;
  // @ts-expect-error only a key pending deletion has a deletion date
  return key.deletionDate;
}

export function errorsNarrowOnName(error: KmsError): "token" | "other" {
  switch (error.name) {
    case "InvalidImportTokenException":
    case "ExpiredImportTokenException":
      return "token";
    default:
      return "other";
  }
}

// @ts-expect-error error names are AWS's exception names, nothing else
export const notAnAwsName: KmsErrorName = "NotFound";

// @ts-expect-error KeyMetadata.KeyState is one of the four modelled states
export const notAState: KeyMetadata["KeyState"] = "Creating";
