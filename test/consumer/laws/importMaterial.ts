import type { Kms, SupportedWrappingAlgorithm } from "kms-byok";
import type { ConsumerKit } from "../support/consumerKit.js";

/** What {@link importMaterial} imports, and until when (`undefined`: it does not expire). */
export interface MaterialImport {
  readonly keyId: string;
  readonly material: Uint8Array;
  readonly wrappingAlgorithm: SupportedWrappingAlgorithm;
  readonly validTo: Date | undefined;
}

/**
 * Runs the customer's side of an import as a consumer writes it: GetParametersForImport, then
 * `wrapKeyMaterial`, then ImportKeyMaterial. Errors: whatever those three return.
 *
 * @example
 * ```ts
 * const imported = await importMaterial(kit, kms, { keyId, material, wrappingAlgorithm, validTo });
 * ```
 */
export function importMaterial(
  { kmsByok }: Pick<ConsumerKit, "kmsByok">,
  kms: Kms,
  { keyId, material, wrappingAlgorithm, validTo }: MaterialImport,
): ReturnType<Kms["importKeyMaterial"]> {
  return kms
    .getParametersForImport({
      KeyId: keyId,
      WrappingAlgorithm: wrappingAlgorithm,
      WrappingKeySpec: "RSA_2048",
    })
    .andThen((parameters) =>
      kmsByok
        .wrapKeyMaterial({
          publicKey: parameters.PublicKey,
          wrappingAlgorithm,
          keyMaterial: material,
        })
        .asyncAndThen((EncryptedKeyMaterial) =>
          kms.importKeyMaterial({
            KeyId: keyId,
            ImportToken: parameters.ImportToken,
            EncryptedKeyMaterial,
            ...(validTo === undefined
              ? { ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE" }
              : { ValidTo: validTo }),
          }),
        ),
    );
}
