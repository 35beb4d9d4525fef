import type { KmsErrorName } from "../../domain/kmsError.js";
import { algorithmsOf, usageOf } from "./modelKeyKinds.js";
import type { ModelKey } from "./modelState.js";

/** The operations that use a key's material, as AWS names them. */
export type KeyUsingOperation =
  | "Encrypt"
  | "Decrypt"
  | "ReEncrypt"
  | "GenerateDataKey"
  | "Sign"
  | "Verify"
  | "GenerateMac"
  | "VerifyMac";

const needs: Readonly<Record<KeyUsingOperation, string>> = {
  Encrypt: "ENCRYPT_DECRYPT",
  Decrypt: "ENCRYPT_DECRYPT",
  ReEncrypt: "ENCRYPT_DECRYPT",
  GenerateDataKey: "ENCRYPT_DECRYPT",
  Sign: "SIGN_VERIFY",
  Verify: "SIGN_VERIFY",
  GenerateMac: "GENERATE_VERIFY_MAC",
  VerifyMac: "GENERATE_VERIFY_MAC",
};

/**
 * docs/decisions/0031-hmac-and-asymmetric-import.md: `InvalidKeyUsageException` when the key's
 * usage does not fit the operation (and for data keys, when the key is not symmetric);
 * `undefined` when it fits.
 */
export function usageRefusal(
  key: ModelKey,
  operation: KeyUsingOperation,
): KmsErrorName | undefined {
  if (usageOf(key.kind) !== needs[operation]) return "InvalidKeyUsageException";
  if (operation === "GenerateDataKey" && key.kind !== undefined) return "InvalidKeyUsageException";
  return undefined;
}

/** Whether the key offers `algorithm` of that kind, as its `KeyMetadata` lists it. */
export function offers(
  key: ModelKey,
  kind: "EncryptionAlgorithms" | "SigningAlgorithms" | "MacAlgorithms",
  algorithm: string,
): boolean {
  const offered: readonly string[] = algorithmsOf(key.kind)[kind] ?? [];
  return offered.includes(algorithm);
}
