/**
 * The AWS exception names that kms-byok returns, spelled as AWS spells them (`__type` on the wire).
 */
export type KmsErrorName =
  | "AccessDeniedException"
  | "AlreadyExistsException"
  | "DependencyTimeoutException"
  | "DisabledException"
  | "DryRunOperationException"
  | "ExpiredImportTokenException"
  | "IncorrectKeyException"
  | "IncorrectKeyMaterialException"
  | "InvalidAliasNameException"
  | "InvalidArnException"
  | "InvalidCiphertextException"
  | "InvalidImportTokenException"
  | "InvalidKeyUsageException"
  | "InvalidMarkerException"
  | "KMSInternalException"
  | "KMSInvalidMacException"
  | "KMSInvalidSignatureException"
  | "KMSInvalidStateException"
  | "LimitExceededException"
  | "MalformedPolicyDocumentException"
  | "NotFoundException"
  | "SerializationException"
  | "TagException"
  | "ThrottlingException"
  | "UnsupportedOperationException"
  | "ValidationException";

/**
 * An expected failure: the AWS exception `name` and a `message` in AWS's words.
 *
 * `KmsError` is a discriminated union on `name`, so callers can `switch` exhaustively.
 *
 * @example
 * ```ts
 * const r = await kms.enableKey({ KeyId });
 * if (r.isErr() && r.error.name === "KMSInvalidStateException") console.log(r.error.message);
 * ```
 */
export type KmsError = {
  readonly [N in KmsErrorName]: { readonly name: N; readonly message: string };
}[KmsErrorName];

/**
 * Builds a {@link KmsError}.
 *
 * @example
 * ```ts
 * kmsError("NotFoundException", "Key 'arn:aws:kms:…' does not exist");
 * ```
 */
export function kmsError<N extends KmsErrorName>(
  name: N,
  message: string,
): Extract<KmsError, { readonly name: N }> {
  // The member of the union named `name`; with `name` itself a union, `KmsError` (TypeScript
  // does not relate `{ name: union }` to a union of more than 25 members by itself).
  return Object.freeze({ name, message }) as Extract<KmsError, { readonly name: N }>;
}

const names: Readonly<Record<KmsErrorName, true>> = {
  AccessDeniedException: true,
  AlreadyExistsException: true,
  DependencyTimeoutException: true,
  DisabledException: true,
  DryRunOperationException: true,
  ExpiredImportTokenException: true,
  IncorrectKeyException: true,
  IncorrectKeyMaterialException: true,
  InvalidAliasNameException: true,
  InvalidArnException: true,
  InvalidCiphertextException: true,
  InvalidImportTokenException: true,
  InvalidKeyUsageException: true,
  InvalidMarkerException: true,
  KMSInternalException: true,
  KMSInvalidMacException: true,
  KMSInvalidSignatureException: true,
  KMSInvalidStateException: true,
  LimitExceededException: true,
  MalformedPolicyDocumentException: true,
  NotFoundException: true,
  SerializationException: true,
  TagException: true,
  ThrottlingException: true,
  UnsupportedOperationException: true,
  ValidationException: true,
};

/** Every {@link KmsErrorName}. */
export const kmsErrorNames: readonly KmsErrorName[] = Object.freeze(
  Object.keys(names) as KmsErrorName[],
);

/**
 * Tells whether `name` is a {@link KmsErrorName}, e.g. to turn an AWS SDK exception back into
 * a `KmsError`.
 *
 * @example
 * ```ts
 * if (isKmsErrorName(error.name)) return err(kmsError(error.name, error.message));
 * ```
 */
export function isKmsErrorName(name: string): name is KmsErrorName {
  return Object.hasOwn(names, name);
}
