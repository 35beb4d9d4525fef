import type { Result } from "neverthrow";
import type { KmsError } from "../kmsError.js";
import type { KeyReference } from "../resolveKeyReference.js";
import { type RequestContext, readAliasableKeyRequest } from "./memberRules.js";
import {
  readSigningMembers,
  type SigningAlgorithmSpec,
  type SigningMembers,
} from "./signingMembers.js";

/** The Sign request, as in the AWS model. */
export interface SignRequest {
  /** An asymmetric signing key: key ID, key ARN, alias name or alias ARN. */
  readonly KeyId: string | undefined;
  /** 1–4096 bytes: the message, or with `MessageType: "DIGEST"` its digest. */
  readonly Message: Uint8Array | undefined;
  /** `RAW` (the default) or `DIGEST`. */
  readonly MessageType?: "RAW" | "DIGEST" | "EXTERNAL_MU" | undefined;
  readonly GrantTokens?: readonly string[] | undefined;
  /** One of the algorithms the key's `KeyMetadata` lists. */
  readonly SigningAlgorithm: SigningAlgorithmSpec | undefined;
  readonly DryRun?: boolean | undefined;
}

/** The Sign response. */
export interface SignResponse {
  /** The key ARN. */
  readonly KeyId: string;
  /** DER-encoded for ECDSA; the raw RSASSA signature for RSA. */
  readonly Signature: Uint8Array;
  readonly SigningAlgorithm: SigningAlgorithmSpec;
}

/** A validated Sign request. */
export interface SignInput extends SigningMembers {
  readonly key: KeyReference;
}

/**
 * Validates a Sign request.
 *
 * Errors: `SerializationException`; `ValidationException` (missing `KeyId`, `Message` or
 * `SigningAlgorithm`, a `Message` of 0 or more than 4096 bytes, unknown enum values); the key
 * reference errors of docs/decisions/0009-key-id-or-key-arn-only.md.
 */
export function validateSignRequest(
  input: unknown,
  context: RequestContext,
): Result<SignInput, KmsError> {
  return readAliasableKeyRequest(input, context, "Sign", readSigningMembers);
}
