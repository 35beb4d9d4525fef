import type { KmsError, KmsErrorName } from "../domain/kmsError.js";

/** Exception names that only the endpoint returns: protocol, size and authentication failures. */
export type ProtocolErrorName =
  | "UnknownOperationException"
  | "MissingAuthenticationTokenException"
  | "IncompleteSignatureException"
  | "InvalidSignatureException"
  | "UnrecognizedClientException"
  | "RequestEntityTooLargeException";

/** Every `__type` the endpoint can answer with. */
export type WireErrorName = KmsErrorName | ProtocolErrorName;

/** An error as it goes on the wire: `{"__type": name, "message": message}`. */
export type WireError = KmsError | { readonly name: ProtocolErrorName; readonly message: string };

/** Builds a protocol-level {@link WireError}. */
export function protocolError(name: ProtocolErrorName, message: string): WireError {
  return Object.freeze({ name, message });
}

/**
 * The HTTP status of an error (docs/decisions/0015-wire-status-codes.md): 400 for every client error, as AWS really answers;
 * 413 for a body over the limit; 500 for `KMSInternalException`; 503 for
 * `DependencyTimeoutException` (the key store did not answer), which SDKs retry.
 */
export function statusOf(name: WireErrorName): number {
  if (name === "KMSInternalException") return 500;
  if (name === "DependencyTimeoutException") return 503;
  if (name === "RequestEntityTooLargeException") return 413;
  return 400;
}
