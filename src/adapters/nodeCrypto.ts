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
  });
}
