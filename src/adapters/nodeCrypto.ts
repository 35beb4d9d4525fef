import { randomBytes } from "node:crypto";
import { type RsaCryptoProvider, rsaCryptoProvider } from "./rsaCryptoProvider.js";
import { generateWrappingKey } from "./wrappingKeySource.js";

/** Options of {@link nodeCrypto}. */
export interface NodeCryptoOptions {
  /**
   * The 32-byte AES-256 root key that seals key material, wrapping private keys and import
   * tokens. Pass the same key to read a store written earlier; a random one when absent.
   */
  readonly rootKey?: Uint8Array;
  /**
   * How many pre-generated RSA key pairs to keep per wrapping key spec; 3 when absent, 0 to
   * generate every pair on demand.
   */
  readonly wrappingKeyPoolSize?: number;
  /**
   * How many key pairs of one spec the pool generates at once while filling; 1 when absent.
   * Up to the number of cores fills a large pool that many times faster.
   */
  readonly wrappingKeyGenerators?: number;
  /**
   * When set, at most this many key pairs of one spec are generated on demand at once (when its
   * pool is empty); a GetParametersForImport beyond that is answered `ThrottlingException` at
   * once instead of waiting behind them (docs/decisions/0032-throttle-cold-wrapping-keys.md).
   * When absent (the default), every request waits for a pair of its own.
   */
  readonly maxOnDemandWrappingKeys?: number;
  /**
   * How many opened key materials the data plane keeps in memory, as non-exportable `KeyObject`s
   * (one not used lately dropped first; dropped too when material is deleted, expires or its key
   * is scheduled for deletion, and on `close()`); 10,000 when absent, 0 to open the sealed
   * material for every call.
   */
  readonly materialCacheSize?: number;
}

/** The production crypto provider, with control over its wrapping key pool. */
export type NodeCrypto = RsaCryptoProvider;

/**
 * The production {@link CryptoProvider}: real RSA wrapping key pairs (RSA_2048/3072/4096, a
 * fresh pair for every parameter set, taken from a pool refilled in the background), RSA-OAEP
 * and RSA-AES unwrapping, AES-256-GCM for the data plane, and AES-256-GCM sealing of every
 * secret under the root key (docs/decisions/0011-nothing-secret-reaches-the-store.md).
 *
 * @example
 * ```ts
 * const crypto = nodeCrypto({ rootKey });
 * await crypto.prefill(["RSA_2048"]); // optional: the first parameter set is then instant too
 * const kms = createKms({ crypto });
 * // …
 * await crypto.close(); // stop background key generation before exit
 * ```
 */
export function nodeCrypto(options: NodeCryptoOptions = {}): NodeCrypto {
  return rsaCryptoProvider({
    rootKey: options.rootKey ?? randomBytes(32),
    wrappingKeys: generateWrappingKey,
    poolSize: options.wrappingKeyPoolSize ?? 3,
    generators: options.wrappingKeyGenerators,
    maxOnDemand: options.maxOnDemandWrappingKeys,
    materialCacheSize: options.materialCacheSize,
  });
}
