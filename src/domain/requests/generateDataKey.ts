import { err, ok, type Result } from "neverthrow";
import { type KmsError, kmsError } from "../kmsError.js";
import type { KeyReference } from "../resolveKeyReference.js";
import {
  checkDataPlaneMembers,
  type DataPlaneMembers,
  type EncryptionContext,
  readDataPlaneMembers,
} from "./dataPlaneRules.js";
import { type RequestContext, readAliasableKeyRequest } from "./memberRules.js";

/** `DataKeySpec`: a 32-byte (`AES_256`) or 16-byte (`AES_128`) data key. */
export type DataKeySpec = "AES_256" | "AES_128";

const dataKeySpecValues: readonly DataKeySpec[] = ["AES_256", "AES_128"];

const dataKeySpecBytes: Readonly<Record<DataKeySpec, number>> = { AES_256: 32, AES_128: 16 };

/** The GenerateDataKeyWithoutPlaintext request, as in the AWS model. */
export interface GenerateDataKeyWithoutPlaintextRequest {
  /** Key ID, key ARN, alias name or alias ARN. */
  readonly KeyId: string | undefined;
  readonly EncryptionContext?: EncryptionContext | undefined;
  /** Exactly one of `KeySpec` and `NumberOfBytes` (1–1024). */
  readonly KeySpec?: DataKeySpec | undefined;
  readonly NumberOfBytes?: number | undefined;
  readonly GrantTokens?: readonly string[] | undefined;
  readonly DryRun?: boolean | undefined;
}

/** The GenerateDataKey request, as in the AWS model. */
export type GenerateDataKeyRequest = GenerateDataKeyWithoutPlaintextRequest;

/** The GenerateDataKeyWithoutPlaintext response. */
export interface GenerateDataKeyWithoutPlaintextResponse {
  /** The data key encrypted under the KMS key, as Encrypt would have encrypted it. */
  readonly CiphertextBlob: Uint8Array;
  /** The key ARN. */
  readonly KeyId: string;
  readonly KeyMaterialId: string;
}

/** The GenerateDataKey response: also the data key itself. */
export interface GenerateDataKeyResponse extends GenerateDataKeyWithoutPlaintextResponse {
  readonly Plaintext: Uint8Array;
}

/** A validated GenerateDataKey or GenerateDataKeyWithoutPlaintext request. */
export interface GenerateDataKeyInput extends DataPlaneMembers {
  readonly key: KeyReference;
  /** How many random bytes the data key has. */
  readonly numberOfBytes: number;
}

/**
 * Validates a GenerateDataKey or GenerateDataKeyWithoutPlaintext request.
 *
 * Errors: `SerializationException`; `ValidationException` (missing `KeyId`, unknown `KeySpec`,
 * `NumberOfBytes` outside 1–1024, neither or both of `KeySpec` and `NumberOfBytes`);
 * `UnsupportedOperationException` for a `Recipient`; the key reference errors of docs/decisions/0009-key-id-or-key-arn-only.md.
 */
export function validateGenerateDataKeyRequest(
  input: unknown,
  context: RequestContext,
  operation: "GenerateDataKey" | "GenerateDataKeyWithoutPlaintext",
): Result<GenerateDataKeyInput, KmsError> {
  return readAliasableKeyRequest(input, context, operation, (reader) => {
    const keySpec = reader.enumValue("KeySpec", dataKeySpecValues);
    const numberOfBytes = reader.integer("NumberOfBytes", { min: 1, max: 1024 });
    const members = readDataPlaneMembers(reader, operation);
    return () => ({ members, keySpec, numberOfBytes });
  }).andThen(({ members, keySpec, numberOfBytes, key }) =>
    checkDataPlaneMembers(members, operation, "classic", {
      key,
      numberOfBytes: numberOfBytes ?? dataKeySpecBytes[keySpec ?? "AES_256"],
    }).andThen((request) =>
      (keySpec === undefined) === (numberOfBytes === undefined)
        ? err(
            kmsError(
              "ValidationException",
              "Please specify either number of bytes or key spec, but not both.",
            ),
          )
        : ok(request),
    ),
  );
}
