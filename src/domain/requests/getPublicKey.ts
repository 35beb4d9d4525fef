import type { Result } from "neverthrow";
import type { EncryptionAlgorithm, SigningAlgorithm } from "../keyAlgorithms.js";
import type { KeySpec, KeyUsage } from "../keySpec.js";
import type { KmsError } from "../kmsError.js";
import type { KeyReference } from "../resolveKeyReference.js";
import { type RequestContext, readAliasableKeyRequest, readGrantTokens } from "./memberRules.js";

/** The GetPublicKey request, as in the AWS model. */
export interface GetPublicKeyRequest {
  /** An asymmetric key: key ID, key ARN, alias name or alias ARN. */
  readonly KeyId: string | undefined;
  readonly GrantTokens?: readonly string[] | undefined;
}

/** The GetPublicKey response. */
export interface GetPublicKeyResponse {
  /** The key ARN. */
  readonly KeyId: string;
  /** The DER-encoded `SubjectPublicKeyInfo` of the imported private key's public half. */
  readonly PublicKey: Uint8Array;
  /** Deprecated in AWS's model; the same value as `KeySpec`. */
  readonly CustomerMasterKeySpec: KeySpec;
  readonly KeySpec: KeySpec;
  readonly KeyUsage: KeyUsage;
  /** For an RSA encryption key. */
  readonly EncryptionAlgorithms?: readonly EncryptionAlgorithm[];
  /** For a signing key. */
  readonly SigningAlgorithms?: readonly SigningAlgorithm[];
}

/**
 * Validates a GetPublicKey request and returns the key it names.
 *
 * Errors: `SerializationException`; `ValidationException`; the key reference errors of
 * docs/decisions/0009-key-id-or-key-arn-only.md.
 */
export function validateGetPublicKeyRequest(
  input: unknown,
  context: RequestContext,
): Result<KeyReference, KmsError> {
  return readAliasableKeyRequest(input, context, "GetPublicKey", (reader) => {
    readGrantTokens(reader);
    return () => ({});
  }).map(({ key }) => key);
}
