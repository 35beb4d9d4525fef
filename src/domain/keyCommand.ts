import type { BehaviourProfile } from "./behaviourProfile.js";
import type { KeyArn } from "./keyArn.js";
import type { KeyId } from "./keyId.js";
import type { KeyMaterialId } from "./keyMaterialId.js";
import type { KeyMaterial, KeyTag, ParameterSet } from "./keyRecord.js";
import type { KeySpec, KeyUsage, MaterialFacts } from "./keySpec.js";
import type { Origin } from "./keyState.js";
import type { ImportType } from "./requests/importKeyMaterial.js";

/** What an import token says, once the service has verified and decoded it (docs/decisions/0007-single-use-import-tokens.md). */
export interface ImportTokenClaims {
  readonly keyArn: KeyArn;
  readonly parameterSetId: string;
  readonly validTo: Date;
}

/**
 * A validated request to change (or read) one key, as {@link transition} takes it. The service
 * has already done the I/O and cryptography the command needs: generated material for an
 * `AWS_KMS` key, a wrapping key pair, or the unwrapped and sealed imported material.
 */
export type KeyCommand =
  | {
      readonly type: "CreateKey";
      readonly arn: KeyArn;
      readonly keyId: KeyId;
      readonly accountId: string;
      readonly region: string;
      readonly description: string;
      readonly origin: Origin;
      /** Generated material; present exactly when `origin` is `AWS_KMS`. */
      readonly material?: KeyMaterial;
      /** Checked tags (docs/decisions/0025-tags.md); none when empty. */
      readonly tags: readonly KeyTag[];
      /** A checked policy document; AWS's default policy when absent. */
      readonly policy?: string;
      /** The spec and usage of an HMAC or asymmetric key; absent for a symmetric key. */
      readonly kind?: {
        readonly keySpec: Exclude<KeySpec, "SYMMETRIC_DEFAULT">;
        readonly keyUsage: KeyUsage;
      };
    }
  /** A read (DescribeKey, the data plane): changes nothing, but persists an observed expiry. */
  | { readonly type: "ReadKey"; readonly arn: KeyArn }
  | {
      readonly type: "GetParametersForImport";
      readonly arn: KeyArn;
      readonly parameterSet: ParameterSet;
    }
  | {
      readonly type: "ImportKeyMaterial";
      readonly arn: KeyArn;
      readonly token: ImportTokenClaims;
      /** The unwrapped material, sealed, with the `validTo` docs/decisions/0008-expiration-model-and-valid-to.md resolved. */
      readonly material: KeyMaterial;
      /** What the unwrapped material is (docs/decisions/0002-material-is-exactly-32-bytes.md wants 32 bytes for a symmetric key). */
      readonly materialFacts: MaterialFacts;
      /** The public key of imported asymmetric material (DER SubjectPublicKeyInfo). */
      readonly publicKey?: Uint8Array;
      /** `NEW_KEY_MATERIAL` only for a first import, `EXISTING_KEY_MATERIAL` only for a reimport. */
      readonly importType: ImportType | undefined;
      /** The ID the caller says the material has, if any. */
      readonly expectedMaterialId: KeyMaterialId | undefined;
      /** The `KeyMaterialDescription`, kept by the `current` profile. */
      readonly description?: string;
      /** `classic` binds the first material forever; `current` rotates (docs/decisions/0030-rotation-of-imported-material.md). */
      readonly behaviour: BehaviourProfile;
    }
  | {
      readonly type: "RotateKeyOnDemand";
      readonly arn: KeyArn;
      readonly behaviour: BehaviourProfile;
      /** Fresh generated material, for an `AWS_KMS` key. */
      readonly generated?: KeyMaterial;
      /** How many on-demand rotations a key may have. */
      readonly rotationLimit: number;
    }
  | {
      readonly type: "DeleteImportedKeyMaterial";
      readonly arn: KeyArn;
      /** The material to delete; the current one when absent. */
      readonly expectedMaterialId: KeyMaterialId | undefined;
    }
  | { readonly type: "EnableKey"; readonly arn: KeyArn }
  | { readonly type: "DisableKey"; readonly arn: KeyArn }
  | {
      readonly type: "ScheduleKeyDeletion";
      readonly arn: KeyArn;
      readonly pendingWindowInDays: number;
    }
  | { readonly type: "CancelKeyDeletion"; readonly arn: KeyArn }
  | { readonly type: "TagResource"; readonly arn: KeyArn; readonly tags: readonly KeyTag[] }
  | { readonly type: "UntagResource"; readonly arn: KeyArn; readonly tagKeys: readonly string[] }
  | { readonly type: "UpdateKeyDescription"; readonly arn: KeyArn; readonly description: string }
  /** A checked policy document (docs/decisions/0027-key-policies.md). */
  | { readonly type: "PutKeyPolicy"; readonly arn: KeyArn; readonly policy: string }
  | { readonly type: "EnableKeyRotation"; readonly arn: KeyArn; readonly periodInDays: number }
  | { readonly type: "DisableKeyRotation"; readonly arn: KeyArn };
