import { err, ok, type Result, ResultAsync } from "neverthrow";
import type { KeyArn } from "../domain/keyArn.js";
import type { ImportTokenClaims } from "../domain/keyCommand.js";
import { type KmsError, kmsError } from "../domain/kmsError.js";
import type { CryptoProvider } from "../ports/cryptoProvider.js";

const purpose = "kms-byok/import-token/v1";

/**
 * Issues the import token of a parameter set: its claims (key ARN, parameter set ID, expiry)
 * sealed by the crypto provider, so a token cannot be forged, altered or moved to another key.
 */
export function issueImportToken(
  crypto: CryptoProvider,
  claims: ImportTokenClaims,
): ResultAsync<Uint8Array, KmsError> {
  const payload = JSON.stringify({
    k: claims.keyArn,
    p: claims.parameterSetId,
    e: claims.validTo.getTime(),
  });
  return crypto.seal(new TextEncoder().encode(payload), purpose);
}

/**
 * Opens an import token.
 *
 * Errors: `InvalidImportTokenException` for anything this provider did not issue as a token.
 */
export function readImportToken(
  crypto: CryptoProvider,
  token: Uint8Array,
): ResultAsync<ImportTokenClaims, KmsError> {
  const read = async (): Promise<Result<ImportTokenClaims, KmsError>> => {
    const payload = await crypto.unseal(token, purpose);
    const claims = payload.isOk()
      ? parseClaims(new TextDecoder().decode(payload.value))
      : undefined;
    return claims === undefined ? err(invalidToken()) : ok(claims);
  };
  return new ResultAsync(read());
}

function parseClaims(json: string): ImportTokenClaims | undefined {
  try {
    const { k, p, e } = JSON.parse(json) as Record<string, unknown>;
    if (typeof k !== "string" || typeof p !== "string" || typeof e !== "number") return undefined;
    return { keyArn: k as KeyArn, parameterSetId: p, validTo: new Date(e) };
  } catch {
    return undefined;
  }
}

function invalidToken(): KmsError {
  return kmsError(
    "InvalidImportTokenException",
    "The import token is not valid: it was not issued by this KMS.",
  );
}
