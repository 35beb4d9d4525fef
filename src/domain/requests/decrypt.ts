import { ok, type Result } from "neverthrow";
import type { BehaviourProfile } from "../behaviourProfile.js";
import type { EncryptionAlgorithm } from "../keyAlgorithms.js";
import type { KmsError } from "../kmsError.js";
import { type KeyReference, parseKeyReference } from "../resolveKeyReference.js";
import {
  type CheckedDataPlaneMembers,
  checkDataPlaneMembers,
  type EncryptionAlgorithmSpec,
  type EncryptionContext,
  readDataPlaneMembers,
} from "./dataPlaneRules.js";
import type { RequestContext } from "./memberRules.js";
import { present } from "./present.js";
import { RequestReader } from "./requestReader.js";

/** The Decrypt request, as in the AWS model. */
export interface DecryptRequest {
  /** Required: 1–6144 bytes, as Encrypt or GenerateDataKey returned it. */
  readonly CiphertextBlob?: Uint8Array | undefined;
  /** Exactly the pairs the ciphertext was made with. */
  readonly EncryptionContext?: EncryptionContext | undefined;
  readonly GrantTokens?: readonly string[] | undefined;
  /** Optional for a symmetric key's ciphertext, which names its key; when given, it must be that key. Required for an RSA key's. */
  readonly KeyId?: string | undefined;
  readonly EncryptionAlgorithm?: EncryptionAlgorithmSpec | undefined;
  readonly DryRun?: boolean | undefined;
}

/** The Decrypt response. */
export interface DecryptResponse {
  /** The ARN of the key that decrypted. */
  readonly KeyId: string;
  readonly Plaintext: Uint8Array;
  readonly EncryptionAlgorithm: EncryptionAlgorithm;
  /** The material a symmetric key decrypted with; absent for an RSA key. */
  readonly KeyMaterialId?: string;
}

/** A validated Decrypt request. */
export interface DecryptInput extends CheckedDataPlaneMembers {
  readonly ciphertextBlob: Uint8Array;
  /** The key the caller expects, when the request names one. */
  readonly key: KeyReference | undefined;
}

/**
 * Validates a Decrypt request. The ciphertext itself is checked when it is decrypted.
 *
 * Errors: `SerializationException`; `ValidationException` (missing or oversized
 * `CiphertextBlob`, unknown `EncryptionAlgorithm`); `InvalidKeyUsageException` for an
 * asymmetric algorithm in the `classic` profile (in `current` the key decides);
 * `UnsupportedOperationException` for a `Recipient`; the key reference errors of
 * docs/decisions/0009-key-id-or-key-arn-only.md for a `KeyId`.
 */
export function validateDecryptRequest(
  input: unknown,
  context: RequestContext,
  { behaviour }: { readonly behaviour: BehaviourProfile } = { behaviour: "classic" },
): Result<DecryptInput, KmsError> {
  return RequestReader.of(input)
    .andThen((reader) => {
      const ciphertextBlob = reader.blob("CiphertextBlob", { required: true, min: 1, max: 6144 });
      const keyId = reader.string("KeyId", { min: 1, max: 2048 });
      const members = readDataPlaneMembers(reader, "Decrypt");
      return reader.finish(() => ({ members, ciphertextBlob: present(ciphertextBlob), keyId }));
    })
    .andThen(({ members, ciphertextBlob, keyId }) => {
      const named: Result<KeyReference | undefined, KmsError> =
        keyId === undefined ? ok(undefined) : parseKeyReference(keyId, context.scope, "Decrypt");
      return named.andThen((key) =>
        checkDataPlaneMembers(members, "Decrypt", behaviour, { ciphertextBlob, key }),
      );
    });
}
