import { err, ok, type Result } from "neverthrow";
import type { KeyRecord } from "./keyRecord.js";
import { keySpecOf } from "./keySpecOf.js";
import { type KmsError, kmsError } from "./kmsError.js";

/**
 * The public key of an RSA or ECC key: the DER `SubjectPublicKeyInfo` derived from the private
 * key imported first (docs/decisions/0031-hmac-and-asymmetric-import.md).
 *
 * Errors: `UnsupportedOperationException` "`<arn>` key spec is SYMMETRIC_DEFAULT which is not
 * valid for GetPublicKey." for a symmetric or HMAC key.
 */
export function requirePublicKey(key: KeyRecord, operation: string): Result<Uint8Array, KmsError> {
  return key.publicKey === undefined
    ? err(
        kmsError(
          "UnsupportedOperationException",
          `${key.arn} key spec is ${keySpecOf(key)} which is not valid for ${operation}.`,
        ),
      )
    : ok(key.publicKey);
}
