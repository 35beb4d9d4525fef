import { err, ok, type Result } from "neverthrow";
import type { BehaviourProfile } from "../behaviourProfile.js";
import type { EncryptionAlgorithm } from "../keyAlgorithms.js";
import type { KmsError } from "../kmsError.js";
import { type KeyReference, parseKeyReference } from "../resolveKeyReference.js";
import {
  type AsymmetricEncryptionAlgorithmSpec,
  asymmetricAlgorithmRefused,
  type EncryptionAlgorithmSpec,
  type EncryptionContext,
  encryptionAlgorithmValues,
} from "./dataPlaneRules.js";
import { type RequestContext, readGrantTokens } from "./memberRules.js";
import { present } from "./present.js";
import { RequestReader } from "./requestReader.js";

/** The ReEncrypt request, as in the AWS model. */
export interface ReEncryptRequest {
  /** Required: 1–6144 bytes, as Encrypt, GenerateDataKey or ReEncrypt returned it. */
  readonly CiphertextBlob?: Uint8Array | undefined;
  /** Exactly the pairs the ciphertext was made with. */
  readonly SourceEncryptionContext?: EncryptionContext | undefined;
  /** Optional: the ciphertext names its key; when given (key or alias), it must be that key. */
  readonly SourceKeyId?: string | undefined;
  /** The key to encrypt under: key ID, key ARN, alias name or alias ARN. */
  readonly DestinationKeyId: string | undefined;
  readonly DestinationEncryptionContext?: EncryptionContext | undefined;
  readonly SourceEncryptionAlgorithm?: EncryptionAlgorithmSpec | undefined;
  readonly DestinationEncryptionAlgorithm?: EncryptionAlgorithmSpec | undefined;
  readonly GrantTokens?: readonly string[] | undefined;
  readonly DryRun?: boolean | undefined;
}

/** The ReEncrypt response. */
export interface ReEncryptResponse {
  readonly CiphertextBlob: Uint8Array;
  /** The ARN of the key that decrypted. */
  readonly SourceKeyId: string;
  /** The ARN of the key that encrypted. */
  readonly KeyId: string;
  readonly SourceEncryptionAlgorithm: EncryptionAlgorithm;
  readonly DestinationEncryptionAlgorithm: EncryptionAlgorithm;
  /** Absent when the source key is an RSA key. */
  readonly SourceKeyMaterialId?: string;
  /** Absent when the destination key is an RSA key. */
  readonly DestinationKeyMaterialId?: string;
}

/** A validated ReEncrypt request. */
export interface ReEncryptInput {
  readonly ciphertextBlob: Uint8Array;
  readonly source: KeyReference | undefined;
  readonly sourceEncryptionContext: EncryptionContext;
  readonly destination: KeyReference;
  readonly destinationEncryptionContext: EncryptionContext;
  readonly dryRun: boolean;
  /** An RSAES-OAEP algorithm of the source key (`current` profile); absent for `SYMMETRIC_DEFAULT`. */
  readonly sourceAlgorithm?: AsymmetricEncryptionAlgorithmSpec;
  /** An RSAES-OAEP algorithm for the destination key (`current` profile); absent for `SYMMETRIC_DEFAULT`. */
  readonly destinationAlgorithm?: AsymmetricEncryptionAlgorithmSpec;
}

/**
 * Validates a ReEncrypt request. In the `classic` profile every key is symmetric and takes only
 * `SYMMETRIC_DEFAULT` on either side; in `current` the keys decide.
 *
 * Errors: `SerializationException`; `ValidationException`; `InvalidKeyUsageException` for an
 * asymmetric algorithm (`classic`); the key reference errors of `parseKeyReference` for either key.
 */
export function validateReEncryptRequest(
  input: unknown,
  context: RequestContext,
  { behaviour }: { readonly behaviour: BehaviourProfile } = { behaviour: "classic" },
): Result<ReEncryptInput, KmsError> {
  return RequestReader.of(input)
    .andThen((reader) => {
      const ciphertextBlob = reader.blob("CiphertextBlob", { required: true, min: 1, max: 6144 });
      const sourceEncryptionContext = reader.stringMap("SourceEncryptionContext");
      const sourceKeyId = reader.string("SourceKeyId", { min: 1, max: 2048 });
      const destinationKeyId = reader.string("DestinationKeyId", {
        required: true,
        min: 1,
        max: 2048,
      });
      const destinationEncryptionContext = reader.stringMap("DestinationEncryptionContext");
      const algorithms = [
        reader.enumValue("SourceEncryptionAlgorithm", encryptionAlgorithmValues),
        reader.enumValue("DestinationEncryptionAlgorithm", encryptionAlgorithmValues),
      ];
      readGrantTokens(reader);
      const dryRun = reader.boolean("DryRun") ?? false;
      return reader.finish(() => ({
        ciphertextBlob: present(ciphertextBlob),
        sourceEncryptionContext: sourceEncryptionContext ?? {},
        sourceKeyId,
        destinationKeyId: present(destinationKeyId),
        destinationEncryptionContext: destinationEncryptionContext ?? {},
        algorithms,
        dryRun,
      }));
    })
    .andThen(({ sourceKeyId, destinationKeyId, algorithms, ...request }) => {
      const [sourceAlgorithm, destinationAlgorithm] = algorithms.map((a) =>
        a === "SYMMETRIC_DEFAULT" ? undefined : a,
      );
      const asymmetric = sourceAlgorithm ?? destinationAlgorithm;
      if (asymmetric !== undefined && behaviour === "classic") {
        return err(asymmetricAlgorithmRefused(asymmetric));
      }
      const source: Result<KeyReference | undefined, KmsError> =
        sourceKeyId === undefined
          ? ok(undefined)
          : parseKeyReference(sourceKeyId, context.scope, "ReEncrypt");
      return source.andThen((sourceReference) =>
        parseKeyReference(destinationKeyId, context.scope, "ReEncrypt").map((destination) => ({
          ...request,
          source: sourceReference,
          destination,
          ...(sourceAlgorithm === undefined ? {} : { sourceAlgorithm }),
          ...(destinationAlgorithm === undefined ? {} : { destinationAlgorithm }),
        })),
      );
    });
}
