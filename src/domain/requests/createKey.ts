import { err, ok, type Result } from "neverthrow";
import type { KeyMetadata } from "../keyMetadata.js";
import { checkKeyPolicy } from "../keyPolicy.js";
import type { KeyTag } from "../keyRecord.js";
import type { Origin } from "../keyState.js";
import { withTags } from "../keyTags.js";
import { type KmsError, kmsError } from "../kmsError.js";
import { policyRule } from "./keyPolicyRequests.js";
import { RequestReader } from "./requestReader.js";
import { type Tag, tagRule } from "./tagResource.js";

// The deprecated CustomerMasterKeySpec keeps the key specs it had when KeySpec replaced it.
const customerMasterKeySpecValues = [
  "RSA_2048",
  "RSA_3072",
  "RSA_4096",
  "ECC_NIST_P256",
  "ECC_NIST_P384",
  "ECC_NIST_P521",
  "ECC_SECG_P256K1",
  "SYMMETRIC_DEFAULT",
  "HMAC_224",
  "HMAC_256",
  "HMAC_384",
  "HMAC_512",
  "SM2",
] as const;
const keySpecValues = [
  ...customerMasterKeySpecValues,
  "ML_DSA_44",
  "ML_DSA_65",
  "ML_DSA_87",
  "ML_KEM_512",
  "ML_KEM_768",
  "ML_KEM_1024",
  "ECC_NIST_EDWARDS25519",
] as const;
const keyUsageValues = [
  "SIGN_VERIFY",
  "ENCRYPT_DECRYPT",
  "GENERATE_VERIFY_MAC",
  "KEY_AGREEMENT",
  "ENCAPSULATE_DECAPSULATE",
] as const;
const originValues = ["AWS_KMS", "EXTERNAL", "AWS_CLOUDHSM", "EXTERNAL_KEY_STORE"] as const;

/** The CreateKey request, as in the AWS model. */
export interface CreateKeyRequest {
  readonly Description?: string | undefined;
  readonly KeyUsage?: (typeof keyUsageValues)[number] | undefined;
  readonly KeySpec?: (typeof keySpecValues)[number] | undefined;
  /** Deprecated by AWS in favour of `KeySpec`. */
  readonly CustomerMasterKeySpec?: (typeof customerMasterKeySpecValues)[number] | undefined;
  readonly Origin?: (typeof originValues)[number] | undefined;
  readonly CustomKeyStoreId?: string | undefined;
  readonly MultiRegion?: boolean | undefined;
  readonly XksKeyId?: string | undefined;
  /** The key policy: JSON, stored and not enforced (docs/decisions/0027-key-policies.md); AWS's default when absent. */
  readonly Policy?: string | undefined;
  /** Read and ignored: kms-byok does not enforce policies, so none can lock anyone out. */
  readonly BypassPolicyLockoutSafetyCheck?: boolean | undefined;
  /** The key's first tags (docs/decisions/0025-tags.md). */
  readonly Tags?: readonly Tag[] | undefined;
}

/** The CreateKey response. */
export interface CreateKeyResponse {
  readonly KeyMetadata: KeyMetadata;
}

/** A CreateKey request that passed validation and docs/decisions/0001-symmetric-keys-only.md. */
export interface CreateKeyInput {
  readonly description: string;
  readonly origin: Origin;
  /** The tags, checked by the tag rules; none when empty. */
  readonly tags: readonly KeyTag[];
  /** The policy document, checked; AWS's default policy when absent. */
  readonly policy?: string;
}

/**
 * Validates a CreateKey request and applies docs/decisions/0001-symmetric-keys-only.md: symmetric encryption keys only, with origin
 * `EXTERNAL` or `AWS_KMS` (the default), single-Region, outside custom key stores.
 *
 * Errors: `SerializationException`, `ValidationException`, `UnsupportedOperationException`;
 * `TagException` for tags that break the tag rules; `MalformedPolicyDocumentException` and
 * `LimitExceededException` for a policy `checkKeyPolicy` refuses.
 *
 * @example
 * ```ts
 * validateCreateKeyRequest({ Origin: "EXTERNAL" }); // ok({ description: "", origin: "EXTERNAL", tags: [] })
 * ```
 */
export function validateCreateKeyRequest(input: unknown): Result<CreateKeyInput, KmsError> {
  return RequestReader.of(input)
    .andThen((reader) => {
      const request = {
        description: reader.string("Description", { max: 8192 }) ?? "",
        keyUsage: reader.enumValue("KeyUsage", keyUsageValues),
        keySpec: reader.enumValue("KeySpec", keySpecValues),
        customerMasterKeySpec: reader.enumValue(
          "CustomerMasterKeySpec",
          customerMasterKeySpecValues,
        ),
        origin: reader.enumValue("Origin", originValues) ?? "AWS_KMS",
        customKeyStoreId: reader.string("CustomKeyStoreId", { min: 1, max: 64 }),
        multiRegion: reader.boolean("MultiRegion"),
        xksKeyId: reader.string("XksKeyId", { min: 1, max: 128, pattern: /^[a-zA-Z0-9-_.]+$/ }),
      };
      const policy = reader.string("Policy", policyRule);
      reader.boolean("BypassPolicyLockoutSafetyCheck");
      const tags = reader.tags("Tags", tagRule) ?? [];
      return reader.finish(() => ({ ...request, policy, tags }));
    })
    .andThen((request) => {
      if (request.keySpec !== undefined && request.customerMasterKeySpec !== undefined) {
        return err(
          kmsError(
            "ValidationException",
            "You cannot specify both KeySpec and CustomerMasterKeySpec; CustomerMasterKeySpec is deprecated, use KeySpec.",
          ),
        );
      }
      const keySpec = request.keySpec ?? request.customerMasterKeySpec ?? "SYMMETRIC_DEFAULT";
      if (keySpec !== "SYMMETRIC_DEFAULT") return unsupported(`KeySpec ${keySpec}`);
      if (request.keyUsage !== undefined && request.keyUsage !== "ENCRYPT_DECRYPT") {
        return unsupported(`KeyUsage ${request.keyUsage}`);
      }
      if (request.origin !== "AWS_KMS" && request.origin !== "EXTERNAL")
        return unsupported(`Origin ${request.origin}`);
      if (request.customKeyStoreId !== undefined)
        return unsupported("a custom key store (CustomKeyStoreId)");
      if (request.xksKeyId !== undefined)
        return unsupported("an external key store key (XksKeyId)");
      if (request.multiRegion === true) return unsupported("a multi-Region key (MultiRegion=true)");
      const { description, origin, policy } = request;
      return withTags([], request.tags).andThen((tags) =>
        policy === undefined
          ? ok({ description, origin, tags })
          : checkKeyPolicy(policy).map(() => ({ description, origin, tags, policy })),
      );
    });
}

function unsupported(what: string): Result<never, KmsError> {
  return err(
    kmsError(
      "UnsupportedOperationException",
      `kms-byok does not support ${what}: it models single-Region symmetric encryption keys ` +
        "(KeySpec SYMMETRIC_DEFAULT, KeyUsage ENCRYPT_DECRYPT) with Origin EXTERNAL or AWS_KMS.",
    ),
  );
}
