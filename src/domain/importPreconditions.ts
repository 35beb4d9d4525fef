import { err, ok, type Result } from "neverthrow";
import type { ImportTokenClaims } from "./keyCommand.js";
import type { KeyRecord, ParameterSet } from "./keyRecord.js";
import { isRsaKeySpec } from "./keySpec.js";
import { type KmsError, kmsError } from "./kmsError.js";
import { pendingDeletion } from "./requireEnabledKey.js";

/** How long a GetParametersForImport answer stays usable (docs/decisions/0007-single-use-import-tokens.md). */
export const importParametersLifetimeHours = 24;

/** How many unspent parameter sets a key keeps; a further call drops the oldest (docs/decisions/0007-single-use-import-tokens.md). */
export const maxParameterSetsPerKey = 10;

/**
 * Precondition: the import operations need a key whose origin is `EXTERNAL` (docs/decisions/0001-symmetric-keys-only.md) and that is
 * not pending deletion.
 *
 * Errors: `UnsupportedOperationException` "… origin is AWS_KMS which is not valid for this
 * operation."; `KMSInvalidStateException` "… is pending deletion.".
 */
export function requireExternalOrigin(key: KeyRecord): Result<KeyRecord, KmsError> {
  if (key.origin !== "EXTERNAL") {
    return err(
      kmsError(
        "UnsupportedOperationException",
        `${key.arn} origin is ${key.origin} which is not valid for this operation.`,
      ),
    );
  }
  return ok(key);
}

/** Precondition: GetParametersForImport and ImportKeyMaterial refuse a key pending deletion. */
export function requireImportable(key: KeyRecord): Result<KeyRecord, KmsError> {
  return requireExternalOrigin(key).andThen((k) =>
    k.keyState === "PendingDeletion" ? err(pendingDeletion(k)) : ok(k),
  );
}

/**
 * Precondition: the import token names this key, has not expired, and its parameter set is
 * still live (not spent by an earlier successful import, not dropped as one of more than ten).
 *
 * Errors: `InvalidImportTokenException` for a token of another key or a spent or dropped set;
 * `ExpiredImportTokenException` at or after the token's `ParametersValidTo`.
 */
export function findParameterSet(
  key: KeyRecord,
  token: ImportTokenClaims,
  now: Date,
): Result<ParameterSet, KmsError> {
  if (token.keyArn !== key.arn) return invalidToken();
  if (token.validTo.getTime() <= now.getTime()) {
    return err(
      kmsError(
        "ExpiredImportTokenException",
        "The import token has expired. Call GetParametersForImport for a new public key and import token.",
      ),
    );
  }
  const set = key.parameterSets.find((candidate) => candidate.id === token.parameterSetId);
  return set === undefined ? invalidToken() : ok(set);
}

function invalidToken(): Result<never, KmsError> {
  return err(
    kmsError(
      "InvalidImportTokenException",
      "The import token is invalid, already used, or was issued for a different KMS key.",
    ),
  );
}

/**
 * Precondition of GetParametersForImport for an asymmetric key (docs/decisions/0031-hmac-and-asymmetric-import.md): RSA private keys
 * need an `RSA_AES_KEY_WRAP_*` algorithm, and an ECC_NIST_P521 private key does not fit
 * RSA-OAEP under an RSA_2048 wrapping key. Every wrapping suits symmetric and HMAC keys.
 *
 * Errors: `UnsupportedOperationException`, naming the key spec and what to use instead.
 */
export function requireWrappingFits(
  key: KeyRecord,
  wrapping: Pick<ParameterSet, "wrappingAlgorithm" | "wrappingKeySpec">,
): Result<KeyRecord, KmsError> {
  const oaep = wrapping.wrappingAlgorithm.startsWith("RSAES_OAEP");
  const spec = key.keySpec;
  if (oaep && spec !== undefined && isRsaKeySpec(spec)) {
    return unfit(
      `${key.arn} is an ${spec} key: RSA private key material must be wrapped with RSA_AES_KEY_WRAP_SHA_1 or RSA_AES_KEY_WRAP_SHA_256, not ${wrapping.wrappingAlgorithm}.`,
    );
  }
  if (oaep && spec === "ECC_NIST_P521" && wrapping.wrappingKeySpec === "RSA_2048") {
    return unfit(
      `${key.arn} is an ECC_NIST_P521 key: its private key material is too large for ${wrapping.wrappingAlgorithm} with an RSA_2048 wrapping key. Use a larger wrapping key or an RSA_AES_KEY_WRAP_SHA_* wrapping algorithm.`,
    );
  }
  return ok(key);
}

function unfit(message: string): Result<never, KmsError> {
  return err(kmsError("UnsupportedOperationException", message));
}
