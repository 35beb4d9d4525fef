import { err, ok, type Result } from "neverthrow";
import { digestBytesOf, type SigningAlgorithm } from "./keyAlgorithms.js";
import { type KmsError, kmsError } from "./kmsError.js";
import { isModelledMessageType, type SigningMembers } from "./requests/signingMembers.js";

/**
 * Precondition of Sign and Verify once the algorithm is the key's: a `DIGEST` must be as long as
 * the algorithm's hash, and `EXTERNAL_MU` belongs to ML-DSA keys, which kms-byok does not model.
 *
 * Errors: `ValidationException` "Digest is invalid length for algorithm ECDSA_SHA_256." (AWS's
 * words); `ValidationException` for `EXTERNAL_MU`.
 */
export function requireSignableMessage(
  messageType: SigningMembers["messageType"],
  message: Uint8Array,
  algorithm: SigningAlgorithm,
): Result<"RAW" | "DIGEST", KmsError> {
  if (!isModelledMessageType(messageType)) {
    return err(
      kmsError(
        "ValidationException",
        `MessageType EXTERNAL_MU is only for ML_DSA keys; use RAW or DIGEST with ${algorithm}.`,
      ),
    );
  }
  if (messageType === "DIGEST" && message.length !== digestBytesOf(algorithm)) {
    return err(
      kmsError("ValidationException", `Digest is invalid length for algorithm ${algorithm}.`),
    );
  }
  return ok(messageType);
}
