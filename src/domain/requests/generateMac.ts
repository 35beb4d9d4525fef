import type { Result } from "neverthrow";
import type { KmsError } from "../kmsError.js";
import type { KeyReference } from "../resolveKeyReference.js";
import { type MacAlgorithmSpec, type MacMembers, readMacMembers } from "./macMembers.js";
import { type RequestContext, readAliasableKeyRequest } from "./memberRules.js";

/** The GenerateMac request, as in the AWS model. */
export interface GenerateMacRequest {
  /** 1–4096 bytes. */
  readonly Message: Uint8Array | undefined;
  /** An HMAC key: key ID, key ARN, alias name or alias ARN. */
  readonly KeyId: string | undefined;
  /** The one algorithm of the key's spec (`HMAC_SHA_256` for `HMAC_256`). */
  readonly MacAlgorithm: MacAlgorithmSpec | undefined;
  readonly GrantTokens?: readonly string[] | undefined;
  readonly DryRun?: boolean | undefined;
}

/** The GenerateMac response. */
export interface GenerateMacResponse {
  readonly Mac: Uint8Array;
  readonly MacAlgorithm: MacAlgorithmSpec;
  /** The key ARN. */
  readonly KeyId: string;
}

/** A validated GenerateMac request. */
export interface GenerateMacInput extends MacMembers {
  readonly key: KeyReference;
}

/**
 * Validates a GenerateMac request.
 *
 * Errors: `SerializationException`; `ValidationException` (missing `KeyId`, `Message` or
 * `MacAlgorithm`, a `Message` of 0 or more than 4096 bytes, an unknown `MacAlgorithm`); the key
 * reference errors of docs/decisions/0009-key-id-or-key-arn-only.md.
 */
export function validateGenerateMacRequest(
  input: unknown,
  context: RequestContext,
): Result<GenerateMacInput, KmsError> {
  return readAliasableKeyRequest(input, context, "GenerateMac", readMacMembers);
}
