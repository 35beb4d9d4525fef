import { err, ok, type Result } from "neverthrow";
import {
  type EncryptionAlgorithm,
  keyAlgorithms,
  type MacAlgorithm,
  type SigningAlgorithm,
} from "./keyAlgorithms.js";
import type { KeyRecord } from "./keyRecord.js";
import { keySpecOf, keyUsageOf } from "./keySpecOf.js";
import { type KmsError, kmsError } from "./kmsError.js";

/** The algorithms of each kind a key may offer. */
interface AlgorithmKinds {
  readonly encryption: EncryptionAlgorithm;
  readonly signing: SigningAlgorithm;
  readonly mac: MacAlgorithm;
}

/**
 * The `requested` algorithm of `kind`, when `key` offers it (the algorithms `KeyMetadata`
 * lists).
 *
 * Errors: `InvalidKeyUsageException` "Algorithm HMAC_SHA_256 is incompatible with key spec
 * HMAC_224." (AWS's words).
 */
export function requireKeyAlgorithm<K extends keyof AlgorithmKinds>(
  key: KeyRecord,
  kind: K,
  requested: string,
): Result<AlgorithmKinds[K], KmsError> {
  const spec = keySpecOf(key);
  const offered: readonly string[] = keyAlgorithms(spec, keyUsageOf(key))[kind] ?? [];
  return offered.includes(requested)
    ? ok(requested as AlgorithmKinds[K])
    : err(
        kmsError(
          "InvalidKeyUsageException",
          `Algorithm ${requested} is incompatible with key spec ${spec}.`,
        ),
      );
}
