// The customer's side of an import, through any Kms: createKms, the harness's, or sdkKms(client)
// in front of a server. One way to do it for every test; kmsHarness binds these to its own KMS.
import { type KeyObject, randomBytes } from "node:crypto";
import type { Result } from "neverthrow";
import { wrapKeyMaterial } from "../../src/client/wrapKeyMaterial.js";
import type { KeySpec, KeyUsage } from "../../src/domain/keySpec.js";
import type { KmsError } from "../../src/domain/kmsError.js";
import type {
  ImportKeyMaterialRequest,
  ImportKeyMaterialResponse,
} from "../../src/domain/requests/importKeyMaterial.js";
import type {
  SupportedWrappingAlgorithm,
  SupportedWrappingKeySpec,
} from "../../src/domain/wrappingTable.js";
import type { Kms } from "../../src/service/kms.js";

/** How to import: the wrapping asked for, and when the material expires. */
export interface ImportOptions {
  /** `RSAES_OAEP_SHA_256` unless given. */
  readonly WrappingAlgorithm?: SupportedWrappingAlgorithm;
  /** `RSA_2048` unless given. */
  readonly WrappingKeySpec?: SupportedWrappingKeySpec;
  /**
   * The request's expiry members, sent as given; without them the material does not expire
   * (`ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE"`).
   */
  readonly expiration?: Pick<ImportKeyMaterialRequest, "ExpirationModel" | "ValidTo">;
}

/** Creates an EXTERNAL key and returns its key ID. */
export async function externalKey(kms: Kms): Promise<string> {
  return (await kms.createKey({ Origin: "EXTERNAL" }))._unsafeUnwrap().KeyMetadata.KeyId;
}

/** GetParametersForImport, and `keyMaterial` wrapped with the public key they return. */
export async function wrapFor(
  kms: Kms,
  KeyId: string,
  keyMaterial: Uint8Array,
  WrappingAlgorithm: SupportedWrappingAlgorithm = "RSAES_OAEP_SHA_256",
  WrappingKeySpec: SupportedWrappingKeySpec = "RSA_2048",
) {
  const params = (
    await kms.getParametersForImport({ KeyId, WrappingAlgorithm, WrappingKeySpec })
  )._unsafeUnwrap();
  const EncryptedKeyMaterial = wrapKeyMaterial({
    publicKey: params.PublicKey,
    wrappingAlgorithm: WrappingAlgorithm,
    keyMaterial,
  })._unsafeUnwrap();
  return { ImportToken: params.ImportToken, EncryptedKeyMaterial, params };
}

/**
 * An ImportKeyMaterial request of `keyMaterial` (32 random bytes by default) for `KeyId`, under
 * fresh parameters from `kms`, not sent yet.
 */
export async function importRequest(
  kms: Kms,
  KeyId: string,
  keyMaterial: Uint8Array = randomBytes(32),
  options: ImportOptions = {},
) {
  const { ImportToken, EncryptedKeyMaterial } = await wrapFor(
    kms,
    KeyId,
    keyMaterial,
    options.WrappingAlgorithm,
    options.WrappingKeySpec,
  );
  return {
    KeyId,
    ImportToken,
    EncryptedKeyMaterial,
    ...(options.expiration ?? { ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE" as const }),
  };
}

/** Imports `keyMaterial` (32 random bytes by default) into `KeyId`: the ImportKeyMaterial result. */
export async function importMaterial(
  kms: Kms,
  KeyId: string,
  keyMaterial: Uint8Array = randomBytes(32),
  options: ImportOptions = {},
): Promise<Result<ImportKeyMaterialResponse, KmsError>> {
  return kms.importKeyMaterial(await importRequest(kms, KeyId, keyMaterial, options));
}

/**
 * A new EXTERNAL key with `keyMaterial` (32 random bytes by default) imported, material that does
 * not expire unless `options` say otherwise: its key ID. Throws if the import fails.
 */
export async function keyWithMaterial(
  kms: Kms,
  keyMaterial: Uint8Array = randomBytes(32),
  options: ImportOptions = {},
): Promise<string> {
  const KeyId = await externalKey(kms);
  (await importMaterial(kms, KeyId, keyMaterial, options))._unsafeUnwrap();
  return KeyId;
}

/** How {@link importedKeyOfSpec} wraps: `RSA_AES_KEY_WRAP_SHA_256` and `RSA_2048` unless given. */
export interface SpecImportOptions {
  readonly WrappingAlgorithm?: SupportedWrappingAlgorithm;
  readonly WrappingKeySpec?: SupportedWrappingKeySpec;
}

/**
 * Creates an EXTERNAL key of `KeySpec` and `KeyUsage` (the `current` profile) and imports
 * `material` into it, never to expire: raw bytes for an HMAC key, a private `KeyObject` or its
 * PKCS#8 DER for an RSA or ECC key. Returns the key ID.
 */
export async function importedKeyOfSpec(
  kms: Kms,
  KeySpec: KeySpec,
  KeyUsage: KeyUsage,
  material: Uint8Array | KeyObject,
  {
    WrappingAlgorithm = "RSA_AES_KEY_WRAP_SHA_256",
    WrappingKeySpec = "RSA_2048",
  }: SpecImportOptions = {},
): Promise<string> {
  const { KeyId } = (await kms.createKey({ Origin: "EXTERNAL", KeySpec, KeyUsage }))._unsafeUnwrap()
    .KeyMetadata;
  const params = (
    await kms.getParametersForImport({ KeyId, WrappingAlgorithm, WrappingKeySpec })
  )._unsafeUnwrap();
  const EncryptedKeyMaterial = wrapKeyMaterial({
    publicKey: params.PublicKey,
    wrappingAlgorithm: WrappingAlgorithm,
    keyMaterial: material,
  })._unsafeUnwrap();
  (
    await kms.importKeyMaterial({
      KeyId,
      ImportToken: params.ImportToken,
      EncryptedKeyMaterial,
      ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE",
    })
  )._unsafeUnwrap();
  return KeyId;
}
