import type { Result } from "neverthrow";
import type { KmsError } from "../kmsError.js";
import type { KeyReference } from "../resolveKeyReference.js";
import { type MacAlgorithmSpec, type MacMembers, readMacMembers } from "./macMembers.js";
import { type RequestContext, readAliasableKeyRequest } from "./memberRules.js";
import { present } from "./present.js";

/** The VerifyMac request, as in the AWS model. */
export interface VerifyMacRequest {
  /** 1–4096 bytes. */
  readonly Message: Uint8Array | undefined;
  /** An HMAC key: key ID, key ARN, alias name or alias ARN. */
  readonly KeyId: string | undefined;
  readonly MacAlgorithm: MacAlgorithmSpec | undefined;
  /** 1–6144 bytes, as GenerateMac returned it. */
  readonly Mac: Uint8Array | undefined;
  readonly GrantTokens?: readonly string[] | undefined;
  readonly DryRun?: boolean | undefined;
}

/** The VerifyMac response: only for a valid MAC (an invalid one is `KMSInvalidMacException`). */
export interface VerifyMacResponse {
  /** The key ARN. */
  readonly KeyId: string;
  readonly MacValid: true;
  readonly MacAlgorithm: MacAlgorithmSpec;
}

/** A validated VerifyMac request. */
export interface VerifyMacInput extends MacMembers {
  readonly key: KeyReference;
  readonly mac: Uint8Array;
}

/**
 * Validates a VerifyMac request.
 *
 * Errors: `SerializationException`; `ValidationException` (a missing member, a `Message` of 0 or
 * more than 4096 bytes, a `Mac` of 0 or more than 6144, an unknown `MacAlgorithm`); the key
 * reference errors of docs/decisions/0009-key-id-or-key-arn-only.md.
 */
export function validateVerifyMacRequest(
  input: unknown,
  context: RequestContext,
): Result<VerifyMacInput, KmsError> {
  return readAliasableKeyRequest(input, context, "VerifyMac", (reader) => {
    const members = readMacMembers(reader);
    const mac = reader.blob("Mac", { required: true, min: 1, max: 6144 });
    return () => ({ ...members(), mac: present(mac) });
  });
}
