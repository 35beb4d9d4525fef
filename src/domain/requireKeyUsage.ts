import { err, ok, type Result } from "neverthrow";
import type { KeyRecord } from "./keyRecord.js";
import type { KeyUsage } from "./keySpec.js";
import { keySpecOf, keyUsageOf } from "./keySpecOf.js";
import { type KmsError, kmsError } from "./kmsError.js";

/**
 * What each cryptographic operation needs of its key: a key usage, or, for the data key
 * operations, a symmetric encryption key.
 */
const needs = {
  Encrypt: "ENCRYPT_DECRYPT",
  Decrypt: "ENCRYPT_DECRYPT",
  ReEncrypt: "ENCRYPT_DECRYPT",
  GenerateDataKey: "SYMMETRIC_DEFAULT",
  GenerateDataKeyWithoutPlaintext: "SYMMETRIC_DEFAULT",
  Sign: "SIGN_VERIFY",
  Verify: "SIGN_VERIFY",
  GenerateMac: "GENERATE_VERIFY_MAC",
  VerifyMac: "GENERATE_VERIFY_MAC",
} as const satisfies Readonly<Record<string, KeyUsage | "SYMMETRIC_DEFAULT">>;

/** An operation that uses a key's material, named as AWS names it. */
export type KeyUsingOperation = keyof typeof needs;

/**
 * Precondition of every operation that uses key material (docs/decisions/0031-hmac-and-asymmetric-import.md): the key's usage, and for
 * data keys its spec, must fit the operation.
 *
 * Errors: `InvalidKeyUsageException` "`<arn>` key usage is SIGN_VERIFY which is not valid for
 * Encrypt." (AWS's words); "`<arn>` key KeySpec is RSA_2048 which is not valid for
 * GenerateDataKey.".
 */
export function requireKeyUsage<K extends KeyRecord>(
  key: K,
  operation: KeyUsingOperation,
): Result<K, KmsError> {
  const need = needs[operation];
  const usage = keyUsageOf(key);
  const wanted = need === "SYMMETRIC_DEFAULT" ? "ENCRYPT_DECRYPT" : need;
  if (usage !== wanted) {
    return err(
      kmsError(
        "InvalidKeyUsageException",
        `${key.arn} key usage is ${usage} which is not valid for ${operation}.`,
      ),
    );
  }
  const spec = keySpecOf(key);
  if (need === "SYMMETRIC_DEFAULT" && spec !== "SYMMETRIC_DEFAULT") {
    return err(
      kmsError(
        "InvalidKeyUsageException",
        `${key.arn} key KeySpec is ${spec} which is not valid for ${operation}.`,
      ),
    );
  }
  return ok(key);
}
