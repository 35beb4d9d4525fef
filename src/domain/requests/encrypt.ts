import type { Result } from "neverthrow";
import type { BehaviourProfile } from "../behaviourProfile.js";
import type { EncryptionAlgorithm } from "../keyAlgorithms.js";
import type { KmsError } from "../kmsError.js";
import type { KeyReference } from "../resolveKeyReference.js";
import {
  type CheckedDataPlaneMembers,
  checkDataPlaneMembers,
  type EncryptionAlgorithmSpec,
  type EncryptionContext,
  readDataPlaneMembers,
} from "./dataPlaneRules.js";
import { type RequestContext, readAliasableKeyRequest } from "./memberRules.js";
import { present } from "./present.js";

/** The Encrypt request, as in the AWS model. */
export interface EncryptRequest {
  /** Key ID, key ARN, alias name or alias ARN. */
  readonly KeyId: string | undefined;
  /** 1–4096 bytes. */
  readonly Plaintext: Uint8Array | undefined;
  readonly EncryptionContext?: EncryptionContext | undefined;
  readonly GrantTokens?: readonly string[] | undefined;
  /** `SYMMETRIC_DEFAULT` (the default) for a symmetric key; `RSAES_OAEP_SHA_1` or `_256` for an RSA key. */
  readonly EncryptionAlgorithm?: EncryptionAlgorithmSpec | undefined;
  readonly DryRun?: boolean | undefined;
}

/** The Encrypt response. */
export interface EncryptResponse {
  /**
   * The ciphertext. A symmetric key's names its key and key material, so Decrypt needs no
   * `KeyId`; an RSA key's is the bare RSAES-OAEP ciphertext.
   */
  readonly CiphertextBlob: Uint8Array;
  /** The key ARN. */
  readonly KeyId: string;
  readonly EncryptionAlgorithm: EncryptionAlgorithm;
}

/** A validated Encrypt request. */
export interface EncryptInput extends CheckedDataPlaneMembers {
  readonly key: KeyReference;
  readonly plaintext: Uint8Array;
}

/**
 * Validates an Encrypt request.
 *
 * Errors: `SerializationException`; `ValidationException` (missing `KeyId` or `Plaintext`, a
 * `Plaintext` of 0 or more than 4096 bytes, unknown `EncryptionAlgorithm`);
 * `InvalidKeyUsageException` for an asymmetric algorithm in the `classic` profile (in `current`
 * the key decides); the key reference errors of docs/decisions/0009-key-id-or-key-arn-only.md.
 */
export function validateEncryptRequest(
  input: unknown,
  context: RequestContext,
  { behaviour }: { readonly behaviour: BehaviourProfile } = { behaviour: "classic" },
): Result<EncryptInput, KmsError> {
  return readAliasableKeyRequest(input, context, "Encrypt", (reader) => {
    const plaintext = reader.blob("Plaintext", { required: true, min: 1, max: 4096 });
    const members = readDataPlaneMembers(reader, "Encrypt");
    return () => ({ members, plaintext: present(plaintext) });
  }).andThen(({ members, plaintext, key }) =>
    checkDataPlaneMembers(members, "Encrypt", behaviour, { key, plaintext }),
  );
}
