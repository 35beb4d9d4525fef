import type { Result } from "neverthrow";
import type { KmsError } from "../kmsError.js";
import type { KeyReference } from "../resolveKeyReference.js";
import { type RequestContext, readAliasableKeyRequest } from "./memberRules.js";
import { present } from "./present.js";
import {
  readSigningMembers,
  type SigningAlgorithmSpec,
  type SigningMembers,
} from "./signingMembers.js";

/** The Verify request, as in the AWS model. */
export interface VerifyRequest {
  /** An asymmetric signing key: key ID, key ARN, alias name or alias ARN. */
  readonly KeyId: string | undefined;
  /** 1–4096 bytes: the message, or with `MessageType: "DIGEST"` its digest. */
  readonly Message: Uint8Array | undefined;
  /** `RAW` (the default) or `DIGEST`. */
  readonly MessageType?: "RAW" | "DIGEST" | "EXTERNAL_MU" | undefined;
  /** 1–6144 bytes, as Sign returned it. */
  readonly Signature: Uint8Array | undefined;
  /** The algorithm the signature was made with. */
  readonly SigningAlgorithm: SigningAlgorithmSpec | undefined;
  readonly GrantTokens?: readonly string[] | undefined;
  readonly DryRun?: boolean | undefined;
}

/** The Verify response: only for a valid signature (an invalid one is `KMSInvalidSignatureException`). */
export interface VerifyResponse {
  /** The key ARN. */
  readonly KeyId: string;
  readonly SignatureValid: true;
  readonly SigningAlgorithm: SigningAlgorithmSpec;
}

/** A validated Verify request. */
export interface VerifyInput extends SigningMembers {
  readonly key: KeyReference;
  readonly signature: Uint8Array;
}

/**
 * Validates a Verify request.
 *
 * Errors: `SerializationException`; `ValidationException` (a missing member, a `Message` of 0 or
 * more than 4096 bytes, a `Signature` of 0 or more than 6144, unknown enum values); the key
 * reference errors of docs/decisions/0009-key-id-or-key-arn-only.md.
 */
export function validateVerifyRequest(
  input: unknown,
  context: RequestContext,
): Result<VerifyInput, KmsError> {
  return readAliasableKeyRequest(input, context, "Verify", (reader) => {
    const members = readSigningMembers(reader);
    const signature = reader.blob("Signature", { required: true, min: 1, max: 6144 });
    return () => ({ ...members(), signature: present(signature) });
  });
}
