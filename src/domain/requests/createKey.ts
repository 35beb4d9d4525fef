import { err, ok, type Result } from "neverthrow";
import type { BehaviourProfile } from "../behaviourProfile.js";
import type { KeyMetadata } from "../keyMetadata.js";
import { checkKeyPolicy } from "../keyPolicy.js";
import type { KeyTag } from "../keyRecord.js";
import {
  isEccKeySpec,
  isHmacKeySpec,
  isRsaKeySpec,
  type KeySpec,
  type KeyUsage,
  keyUsagesOf,
} from "../keySpec.js";
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
  /** The spec and usage of an HMAC or asymmetric key (the `current` profile); absent for a symmetric key. */
  readonly kind?: {
    readonly keySpec: Exclude<KeySpec, "SYMMETRIC_DEFAULT">;
    readonly keyUsage: KeyUsage;
  };
}

/**
 * Validates a CreateKey request and applies docs/decisions/0001-symmetric-keys-only.md: symmetric encryption keys with origin
 * `EXTERNAL` or `AWS_KMS` (the default), single-Region, outside custom key stores. The `current`
 * behaviour profile adds HMAC, RSA and ECC keys with origin `EXTERNAL` (docs/decisions/0031-hmac-and-asymmetric-import.md).
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
export function validateCreateKeyRequest(
  input: unknown,
  { behaviour }: { readonly behaviour: BehaviourProfile } = { behaviour: "classic" },
): Result<CreateKeyInput, KmsError> {
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
      const kind =
        behaviour === "current"
          ? currentKind(keySpec, request.keyUsage, request.origin)
          : classicKind(keySpec, request.keyUsage);
      if (kind.isErr()) return err(kind.error);
      if (request.origin !== "AWS_KMS" && request.origin !== "EXTERNAL")
        return unsupported(`Origin ${request.origin}`);
      if (request.customKeyStoreId !== undefined)
        return unsupported("a custom key store (CustomKeyStoreId)");
      if (request.xksKeyId !== undefined)
        return unsupported("an external key store key (XksKeyId)");
      if (request.multiRegion === true) return unsupported("a multi-Region key (MultiRegion=true)");
      const { description, origin, policy } = request;
      const members = {
        description,
        origin,
        ...(kind.value === undefined ? {} : { kind: kind.value }),
      };
      return withTags([], request.tags).andThen((tags) =>
        policy === undefined
          ? ok({ ...members, tags })
          : checkKeyPolicy(policy).map(() => ({ ...members, tags, policy })),
      );
    });
}

type Kind = CreateKeyInput["kind"];

/** The classic profile: symmetric encryption keys only. */
function classicKind(keySpec: string, keyUsage: string | undefined): Result<Kind, KmsError> {
  if (keySpec !== "SYMMETRIC_DEFAULT") return unsupported(`KeySpec ${keySpec}`);
  if (keyUsage !== undefined && keyUsage !== "ENCRYPT_DECRYPT") {
    return unsupported(`KeyUsage ${keyUsage}`);
  }
  return ok(undefined);
}

/**
 * The current profile: symmetric encryption keys, and HMAC, RSA and ECC keys with imported
 * material, each with a usage its spec allows (AWS's messages where recorded).
 */
function currentKind(
  keySpec: string,
  keyUsage: string | undefined,
  origin: string,
): Result<Kind, KmsError> {
  const modelled =
    keySpec === "SYMMETRIC_DEFAULT" ||
    isHmacKeySpec(keySpec) ||
    isRsaKeySpec(keySpec) ||
    isEccKeySpec(keySpec);
  if (!modelled) return unsupportedCurrent(`KeySpec ${keySpec}`);
  if (keyUsage === "KEY_AGREEMENT" || keyUsage === "ENCAPSULATE_DECAPSULATE") {
    return unsupportedCurrent(`KeyUsage ${keyUsage}`);
  }
  if (keySpec === "SYMMETRIC_DEFAULT") {
    return keyUsage === undefined || keyUsage === "ENCRYPT_DECRYPT"
      ? ok(undefined)
      : incompatible(keyUsage, keySpec);
  }
  if (keyUsage === undefined) {
    return err(
      kmsError(
        "ValidationException",
        "You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.",
      ),
    );
  }
  if (!(keyUsagesOf(keySpec) as readonly string[]).includes(keyUsage)) {
    return incompatible(keyUsage, keySpec);
  }
  if (origin !== "EXTERNAL") {
    return unsupportedCurrent(`KeySpec ${keySpec} with Origin ${origin}`);
  }
  return ok({ keySpec, keyUsage: keyUsage as KeyUsage });
}

function incompatible(keyUsage: string, keySpec: string): Result<never, KmsError> {
  return err(
    kmsError(
      "ValidationException",
      `KeyUsage ${keyUsage} is not compatible with KeySpec ${keySpec}`,
    ),
  );
}

function unsupportedCurrent(what: string): Result<never, KmsError> {
  return err(
    kmsError(
      "UnsupportedOperationException",
      `kms-byok does not support ${what}: its current profile models single-Region symmetric ` +
        "encryption keys (Origin EXTERNAL or AWS_KMS), and HMAC_224/256/384/512, RSA_2048/3072/4096, " +
        "ECC_NIST_P256/P384/P521 and ECC_SECG_P256K1 keys with Origin EXTERNAL.",
    ),
  );
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
