import { constants, type KeyObject, privateDecrypt } from "node:crypto";
import { err, ok, type Result } from "neverthrow";
import { type KmsError, kmsError } from "../domain/kmsError.js";
import { type Wrapping, wrappingSchemes } from "../domain/wrappingTable.js";
import { aesKeyUnwrapPad } from "./aesKeyWrapPad.js";

/**
 * Recovers key material wrapped per docs/decisions/0003-rsa-wrapping-table.md: RSA-OAEP (MGF1 with the same hash) of the material, or
 * RSA-OAEP of an AES-256 key followed by the RFC 5649 key wrap with padding of the material.
 *
 * Errors: `InvalidCiphertextException` for anything that does not unwrap with this key and
 * algorithm (wrong key, wrong hash, wrong layout, tampered bytes).
 */
export function unwrapKeyMaterial(
  privateKey: KeyObject,
  wrapping: Wrapping,
  encrypted: Uint8Array,
): Result<Buffer, KmsError> {
  const scheme = wrappingSchemes[wrapping.wrappingAlgorithm];
  const oaep = {
    key: privateKey,
    padding: constants.RSA_PKCS1_OAEP_PADDING,
    oaepHash: scheme.hash,
  };
  let aesKey: Buffer | undefined;
  try {
    if (!scheme.aesKeyWrap) return ok(privateDecrypt(oaep, encrypted));
    const modulusBytes = (privateKey.asymmetricKeyDetails?.modulusLength ?? 0) / 8;
    if (encrypted.byteLength <= modulusBytes) return notUnwrapped(wrapping);
    aesKey = privateDecrypt(oaep, encrypted.subarray(0, modulusBytes));
    if (aesKey.length !== 32) return notUnwrapped(wrapping);
    const material = aesKeyUnwrapPad(aesKey, encrypted.subarray(modulusBytes));
    return material === undefined ? notUnwrapped(wrapping) : ok(material);
  } catch {
    return notUnwrapped(wrapping);
  } finally {
    aesKey?.fill(0);
  }
}

function notUnwrapped(wrapping: Wrapping): Result<never, KmsError> {
  return err(
    kmsError(
      "InvalidCiphertextException",
      `The EncryptedKeyMaterial could not be unwrapped with this import token's ${wrapping.wrappingKeySpec} ` +
        `wrapping key and ${wrapping.wrappingAlgorithm}. Wrap the material with the PublicKey returned ` +
        "together with this ImportToken, using the WrappingAlgorithm you requested.",
    ),
  );
}
