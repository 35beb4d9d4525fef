import { err, ok, type Result } from "neverthrow";
import { type KmsError, kmsError } from "../kmsError.js";
import { RequestReader } from "./requestReader.js";

/** The GenerateRandom request. */
export interface GenerateRandomRequest {
  /** 1–1024 bytes; required, although the AWS model leaves it optional. */
  readonly NumberOfBytes?: number | undefined;
  /** Refused: kms-byok has no custom key stores. */
  readonly CustomKeyStoreId?: string | undefined;
  /** Refused: kms-byok has no Nitro Enclaves. */
  readonly Recipient?: unknown;
}

/** The GenerateRandom response. */
export interface GenerateRandomResponse {
  readonly Plaintext: Uint8Array;
}

/**
 * Validates a GenerateRandom request and returns how many bytes to generate.
 *
 * Errors: `SerializationException`; `ValidationException` ("NumberOfBytes is required.", as AWS
 * words it, or out of 1–1024); `UnsupportedOperationException` for a `CustomKeyStoreId` or a
 * `Recipient`.
 */
export function validateGenerateRandomRequest(input: unknown): Result<number, KmsError> {
  return RequestReader.of(input).andThen((reader) => {
    const numberOfBytes = reader.integer("NumberOfBytes", { min: 1, max: 1024 });
    const customKeyStoreId = reader.string("CustomKeyStoreId", { min: 1, max: 64 });
    const hasRecipient = reader.has("Recipient");
    return reader
      .finish(() => ({ numberOfBytes, customKeyStoreId, hasRecipient }))
      .andThen((request) => {
        if (request.numberOfBytes === undefined) {
          return err(kmsError("ValidationException", "NumberOfBytes is required."));
        }
        if (request.customKeyStoreId !== undefined) {
          return err(
            kmsError(
              "UnsupportedOperationException",
              "kms-byok has no custom key stores; leave CustomKeyStoreId out.",
            ),
          );
        }
        if (request.hasRecipient) {
          return err(
            kmsError(
              "UnsupportedOperationException",
              "kms-byok has no Nitro Enclaves, so it cannot encrypt for a Recipient; leave Recipient out.",
            ),
          );
        }
        return ok(request.numberOfBytes);
      });
  });
}
