import { err, ok, type Result } from "neverthrow";
import { type rsaEncryptionAlgorithms, rsaPlaintextLimit } from "./keyAlgorithms.js";
import type { KeyRecord } from "./keyRecord.js";
import { isRsaKeySpec, rsaModulusBits } from "./keySpec.js";
import { keySpecOf } from "./keySpecOf.js";
import { type KmsError, kmsError } from "./kmsError.js";
import type { EncryptionContext } from "./requests/dataPlaneRules.js";

/**
 * Precondition of RSAES-OAEP encryption under an RSA key: no encryption context (RSA-OAEP has
 * no authenticated data to bind it to), and a plaintext that fits the modulus.
 *
 * Errors: `ValidationException` "Algorithm RSAES_OAEP_SHA_256 and key spec RSA_2048 cannot
 * encrypt data larger than 190 bytes." (AWS's words); `ValidationException` for an
 * `EncryptionContext`.
 */
export function requireRsaPlaintext(
  key: KeyRecord,
  algorithm: (typeof rsaEncryptionAlgorithms)[number],
  plaintext: Uint8Array,
  context: EncryptionContext,
): Result<Uint8Array, KmsError> {
  const spec = keySpecOf(key);
  const noContext = requireNoEncryptionContext(key, context);
  if (noContext.isErr()) return err(noContext.error);
  const limit = isRsaKeySpec(spec) ? rsaPlaintextLimit(rsaModulusBits[spec], algorithm) : 0;
  return plaintext.length > limit
    ? err(
        kmsError(
          "ValidationException",
          `Algorithm ${algorithm} and key spec ${spec} cannot encrypt data larger than ${limit} bytes.`,
        ),
      )
    : ok(plaintext);
}

/**
 * An RSA key takes no encryption context: RSAES-OAEP has no authenticated data to bind it to.
 *
 * Errors: `ValidationException` "EncryptionContext is only for symmetric encryption keys; a
 * RSA_2048 key takes none.".
 */
export function requireNoEncryptionContext(
  key: KeyRecord,
  context: EncryptionContext,
): Result<KeyRecord, KmsError> {
  return Object.keys(context).length > 0
    ? err(
        kmsError(
          "ValidationException",
          `EncryptionContext is only for symmetric encryption keys; a ${keySpecOf(key)} key takes none.`,
        ),
      )
    : ok(key);
}
