import { err, errAsync, type Result, ResultAsync } from "neverthrow";
import { type EncryptionAlgorithm, isRsaEncryptionAlgorithm } from "../domain/keyAlgorithms.js";
import { type KeyArn, keyArn } from "../domain/keyArn.js";
import type { KeyMaterialId } from "../domain/keyMaterialId.js";
import { importedMaterial } from "../domain/keyMaterials.js";
import type { KeyRecord } from "../domain/keyRecord.js";
import { keySpecOf, keyUsageOf } from "../domain/keySpecOf.js";
import { type KmsError, kmsError } from "../domain/kmsError.js";
import type {
  EncryptionAlgorithmSpec,
  EncryptionContext,
} from "../domain/requests/dataPlaneRules.js";
import { type EnabledKey, requireEnabledKey } from "../domain/requireEnabledKey.js";
import { requireKeyAlgorithm } from "../domain/requireKeyAlgorithm.js";
import { requireNoEncryptionContext } from "../domain/requireRsaPlaintext.js";
import type { KeyReference } from "../domain/resolveKeyReference.js";
import { ciphertextAdditionalData, parseCiphertextBlob } from "./ciphertextBlob.js";
import { keyAt } from "./readKey.js";
import { resolveKey } from "./resolveKey.js";
import type { ServiceDeps } from "./serviceDeps.js";

/** What {@link decryptCiphertext} needs: the ciphertext, its context, and the key named, if any. */
export interface CiphertextToDecrypt {
  readonly ciphertextBlob: Uint8Array;
  readonly encryptionContext: EncryptionContext;
  /** The key (or alias) the caller names; the ciphertext must be of that key. */
  readonly key: KeyReference | undefined;
  /** The RSAES-OAEP algorithm of an RSA key's ciphertext; absent for `SYMMETRIC_DEFAULT`. */
  readonly asymmetricAlgorithm?: EncryptionAlgorithmSpec | undefined;
}

/** What {@link decryptCiphertext} found: the key, the plaintext, and how it was encrypted. */
export interface DecryptedCiphertext {
  readonly key: EnabledKey;
  readonly plaintext: Uint8Array;
  readonly algorithm: EncryptionAlgorithm;
  /** The symmetric material the ciphertext was made under; RSA keys have one material and no ID. */
  readonly materialId?: KeyMaterialId;
}

/**
 * The decrypt half of Decrypt and ReEncrypt: resolves the key the caller names, reads the key
 * the ciphertext names, checks they agree and that the key is `Enabled`, and decrypts with the
 * encryption context authenticated. Material reimported after expiry is the same material
 * (docs/decisions/0004-material-bound-forever.md), so earlier ciphertexts decrypt again.
 *
 * In the `current` profile the named key may be an RSA encryption key, whose ciphertexts are bare
 * RSAES-OAEP and name nothing: then the key and the algorithm decide
 * (docs/decisions/0031-hmac-and-asymmetric-import.md).
 *
 * Errors: the key reference and state errors; `IncorrectKeyException` when the named key is
 * not the ciphertext's or does not decrypt; `InvalidKeyUsageException` for an algorithm the key
 * does not offer; `InvalidCiphertextException` for a ciphertext that does not parse or
 * authenticate, or names a missing key while the caller named none.
 */
export function decryptCiphertext(
  deps: ServiceDeps,
  request: CiphertextToDecrypt,
  now: Date,
): ResultAsync<DecryptedCiphertext, KmsError> {
  return new ResultAsync(openCiphertext(deps, request, now));
}

/** {@link decryptCiphertext} as a promise, for the hot paths that await their steps in turn. */
export function openCiphertext(
  deps: ServiceDeps,
  request: CiphertextToDecrypt,
  now: Date,
): Promise<Result<DecryptedCiphertext, KmsError>> {
  return request.key === undefined
    ? openSymmetric(deps, request, undefined, now)
    : openNamed(deps, request, request.key, now);
}

/** A ciphertext whose key the caller names: in `current`, perhaps an RSA key's. */
async function openNamed(
  deps: ServiceDeps,
  request: CiphertextToDecrypt,
  reference: KeyReference,
  now: Date,
): Promise<Result<DecryptedCiphertext, KmsError>> {
  const named = await resolveKey(deps, reference, now);
  if (named.isErr()) return err(named.error);
  if (deps.behaviour === "current") {
    const key = await keyAt(deps, named.value, now);
    // A named key that is gone can be no RSA key: the ciphertext decides, as in `classic`.
    if (key.isErr() && key.error.name !== "NotFoundException") return err(key.error);
    if (key.isOk() && keySpecOf(key.value) !== "SYMMETRIC_DEFAULT") {
      return decryptAsymmetric(deps, request, key.value);
    }
  }
  return openSymmetric(deps, request, named.value, now);
}

/**
 * A ciphertext of this KMS's symmetric keys, which names its key and material; the steps are
 * awaited in turn: the hottest path of the service, so one promise per store and crypto call
 * rather than a chain of them.
 */
async function openSymmetric(
  deps: ServiceDeps,
  request: CiphertextToDecrypt,
  named: KeyArn | undefined,
  now: Date,
): Promise<Result<DecryptedCiphertext, KmsError>> {
  const parsed = parseCiphertextBlob(request.ciphertextBlob);
  if (parsed.isErr()) return err(parsed.error);
  const ciphertext = parsed.value;
  const arn = keyArn(deps.scope, ciphertext.keyId);
  if (named !== undefined && named !== arn) return err(incorrectKey());
  const used = (await keyAt(deps, arn, now)).andThen(requireEnabledKey);
  if (used.isErr()) return err(named === undefined ? asCiphertextError(used.error) : used.error);
  const key = used.value;
  const algorithm = requireKeyAlgorithm(
    key,
    "encryption",
    request.asymmetricAlgorithm ?? "SYMMETRIC_DEFAULT",
  );
  if (algorithm.isErr()) return err(algorithm.error);
  const material = importedMaterial(key, ciphertext.keyMaterialId);
  if (material === undefined) return err(unknownMaterial());
  const plaintext = await deps.crypto.decrypt(
    material.sealed,
    ciphertext.body,
    ciphertextAdditionalData(ciphertext.header, request.encryptionContext),
  );
  return plaintext.map((opened) => ({
    key,
    plaintext: opened,
    algorithm: algorithm.value,
    materialId: material.id,
  }));
}

/** A bare RSAES-OAEP ciphertext of the named key, which must be an `Enabled` RSA encryption key. */
function decryptAsymmetric(
  deps: ServiceDeps,
  request: CiphertextToDecrypt,
  stored: KeyRecord,
): ResultAsync<DecryptedCiphertext, KmsError> {
  if (keyUsageOf(stored) !== "ENCRYPT_DECRYPT") return errAsync(incorrectKey());
  const checked = requireEnabledKey(stored)
    .andThen((key) => requireNoEncryptionContext(key, request.encryptionContext).map(() => key))
    .andThen((key) =>
      requireKeyAlgorithm(
        key,
        "encryption",
        request.asymmetricAlgorithm ?? "SYMMETRIC_DEFAULT",
      ).map((algorithm) => ({ key, algorithm })),
    );
  if (checked.isErr()) return errAsync(checked.error);
  const { key, algorithm } = checked.value;
  // An RSA key offers only RSAES-OAEP, so requireKeyAlgorithm has refused SYMMETRIC_DEFAULT.
  if (!isRsaEncryptionAlgorithm(algorithm)) return errAsync(incorrectKey());
  return deps.crypto
    .decryptAsymmetric(key.material.sealed, request.ciphertextBlob, algorithm)
    .map((plaintext) => ({ key, plaintext, algorithm }));
}

function unknownMaterial(): KmsError {
  return kmsError(
    "InvalidCiphertextException",
    "The ciphertext names a key material its key does not hold.",
  );
}

function incorrectKey(): KmsError {
  return kmsError(
    "IncorrectKeyException",
    "The key ID in the request does not identify a CMK that can perform this operation.",
  );
}

/** A ciphertext naming a key that does not exist is a bad ciphertext (the caller named no key). */
function asCiphertextError(error: KmsError): KmsError {
  return error.name === "NotFoundException"
    ? kmsError(
        "InvalidCiphertextException",
        "The ciphertext refers to a key that does not exist in this account and Region.",
      )
    : error;
}
