import type { Result } from "neverthrow";
import type { KeyArn } from "../keyArn.js";
import type { KmsError } from "../kmsError.js";
import {
  checkWrapping,
  type Wrapping,
  type WrappingAlgorithm,
  type WrappingKeySpec,
  wrappingAlgorithmValues,
  wrappingKeySpecValues,
} from "../wrappingTable.js";
import { type RequestContext, readKeyRequest } from "./memberRules.js";
import { present } from "./present.js";

/** The GetParametersForImport request, as in the AWS model. */
export interface GetParametersForImportRequest {
  readonly KeyId: string | undefined;
  readonly WrappingAlgorithm: WrappingAlgorithm | undefined;
  readonly WrappingKeySpec: WrappingKeySpec | undefined;
}

/** The GetParametersForImport response: a DER public key and the token that goes with it. */
export interface GetParametersForImportResponse {
  /** The key ARN. */
  readonly KeyId: string;
  readonly ImportToken: Uint8Array;
  /** DER-encoded X.509 SubjectPublicKeyInfo of a fresh RSA wrapping key. */
  readonly PublicKey: Uint8Array;
  readonly ParametersValidTo: Date;
}

/** A validated GetParametersForImport request. */
export interface GetParametersForImportInput extends Wrapping {
  readonly arn: KeyArn;
}

/**
 * Validates a GetParametersForImport request and checks the wrapping pair against docs/decisions/0003-rsa-wrapping-table.md.
 *
 * Errors: `SerializationException`, `ValidationException` (missing member or unknown enum
 * value), `UnsupportedOperationException` (`RSAES_PKCS1_V1_5`, `SM2`, `SM2PKE`), and the key
 * reference errors of docs/decisions/0009-key-id-or-key-arn-only.md.
 */
export function validateGetParametersForImportRequest(
  input: unknown,
  context: RequestContext,
): Result<GetParametersForImportInput, KmsError> {
  return readKeyRequest(input, context, "GetParametersForImport", (reader) => {
    const algorithm = reader.enumValue("WrappingAlgorithm", wrappingAlgorithmValues, true);
    const spec = reader.enumValue("WrappingKeySpec", wrappingKeySpecValues, true);
    return () => ({ algorithm: present(algorithm), spec: present(spec) });
  }).andThen(({ arn, algorithm, spec }) =>
    checkWrapping(algorithm, spec).map((wrapping) => ({ arn, ...wrapping })),
  );
}
