import { err, ok, type Result } from "neverthrow";
import type { BehaviourProfile } from "../behaviourProfile.js";
import { type KmsError, kmsError } from "../kmsError.js";
import { readGrantTokens } from "./memberRules.js";
import type { RequestReader } from "./requestReader.js";

/** `EncryptionAlgorithmSpec`, as in the AWS model. Symmetric keys take only `SYMMETRIC_DEFAULT`. */
export const encryptionAlgorithmValues = [
  "SYMMETRIC_DEFAULT",
  "RSAES_OAEP_SHA_1",
  "RSAES_OAEP_SHA_256",
  "SM2PKE",
] as const;

/** An `EncryptionAlgorithmSpec` value. */
export type EncryptionAlgorithmSpec = (typeof encryptionAlgorithmValues)[number];

/** An `EncryptionAlgorithmSpec` of asymmetric keys: RSAES-OAEP (or SM2PKE, which kms-byok's keys do not offer). */
export type AsymmetricEncryptionAlgorithmSpec = Exclude<
  EncryptionAlgorithmSpec,
  "SYMMETRIC_DEFAULT"
>;

/**
 * The `EncryptionContext` of a data-plane request: non-secret pairs bound to the ciphertext as
 * authenticated data, so decryption needs exactly the same pairs (in any order).
 */
export type EncryptionContext = Readonly<Record<string, string>>;

/** The members every data-plane request shares, once validated. */
export interface DataPlaneMembers {
  /** `{}` when the request has none. */
  readonly encryptionContext: EncryptionContext;
  /** With `DryRun`, a request that would succeed returns `DryRunOperationException` instead. */
  readonly dryRun: boolean;
}

/** What {@link readDataPlaneMembers} read, for {@link checkDataPlaneMembers} to judge. */
export interface ReadDataPlaneMembers extends DataPlaneMembers {
  readonly encryptionAlgorithm: EncryptionAlgorithmSpec | undefined;
  readonly hasRecipient: boolean;
}

/** The data-plane operations. */
export type DataPlaneOperation =
  | "Encrypt"
  | "Decrypt"
  | "GenerateDataKey"
  | "GenerateDataKeyWithoutPlaintext";

/**
 * Reads `EncryptionContext`, `GrantTokens`, `DryRun`, and where the operation has them
 * `EncryptionAlgorithm` (Encrypt, Decrypt) and `Recipient` (Decrypt, GenerateDataKey), for
 * {@link checkDataPlaneMembers} once every member passed.
 */
export function readDataPlaneMembers(
  reader: RequestReader,
  operation: DataPlaneOperation,
): ReadDataPlaneMembers {
  const encryptionContext = reader.stringMap("EncryptionContext");
  readGrantTokens(reader);
  const dryRun = reader.boolean("DryRun");
  const encryptionAlgorithm =
    operation === "Encrypt" || operation === "Decrypt"
      ? reader.enumValue("EncryptionAlgorithm", encryptionAlgorithmValues)
      : undefined;
  return {
    encryptionContext: encryptionContext ?? {},
    dryRun: dryRun ?? false,
    encryptionAlgorithm,
    hasRecipient:
      (operation === "Decrypt" || operation === "GenerateDataKey") && reader.has("Recipient"),
  };
}

/** The shared data-plane members once checked, and the asymmetric algorithm asked for, if any. */
export interface CheckedDataPlaneMembers extends DataPlaneMembers {
  /** An RSAES-OAEP algorithm, for an RSA key to judge (`current` profile); `undefined` for `SYMMETRIC_DEFAULT`. */
  readonly asymmetricAlgorithm: AsymmetricEncryptionAlgorithmSpec | undefined;
}

/**
 * The checks on shared members that are not constraints of the AWS model. kms-byok has no Nitro
 * Enclaves, so a `Recipient` is refused rather than ignored (ignoring it would return plaintext
 * meant only for an enclave). In the `classic` profile every key is symmetric (docs/decisions/0001-symmetric-keys-only.md), so an
 * asymmetric `EncryptionAlgorithm` is refused here; in `current` the key decides
 * (docs/decisions/0031-hmac-and-asymmetric-import.md).
 *
 * Returns the checked members together with the operation's own, `request`.
 *
 * Errors: `InvalidKeyUsageException` for an asymmetric `EncryptionAlgorithm` (`classic`);
 * `UnsupportedOperationException` for a `Recipient`.
 */
export function checkDataPlaneMembers<T extends object>(
  members: ReadDataPlaneMembers,
  operation: DataPlaneOperation,
  behaviour: BehaviourProfile,
  request: T,
): Result<CheckedDataPlaneMembers & T, KmsError> {
  const { encryptionAlgorithm } = members;
  const asymmetric =
    encryptionAlgorithm === undefined || encryptionAlgorithm === "SYMMETRIC_DEFAULT"
      ? undefined
      : encryptionAlgorithm;
  if (asymmetric !== undefined && behaviour === "classic") {
    return err(asymmetricAlgorithmRefused(asymmetric));
  }
  if (members.hasRecipient) {
    return err(
      kmsError(
        "UnsupportedOperationException",
        `${operation} with a Recipient (a Nitro Enclaves attestation document) is not supported by kms-byok.`,
      ),
    );
  }
  // Not a spread of `request`: on Node 20 an object spread followed by more members costs about
  // 2 µs, more than the rest of a Decrypt's validation together.
  const checked: CheckedDataPlaneMembers = {
    encryptionContext: members.encryptionContext,
    dryRun: members.dryRun,
    asymmetricAlgorithm: asymmetric,
  };
  return ok(Object.assign(checked, request));
}

/** `InvalidKeyUsageException` for an asymmetric algorithm asked of a symmetric key. */
export function asymmetricAlgorithmRefused(algorithm: EncryptionAlgorithmSpec): KmsError {
  return kmsError(
    "InvalidKeyUsageException",
    `Algorithm ${algorithm} is incompatible with key spec SYMMETRIC_DEFAULT.`,
  );
}
