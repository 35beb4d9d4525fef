import { randomBytes } from "node:crypto";
import type { CryptoProvider } from "../ports/cryptoProvider.js";
import { rsaCryptoProvider } from "./rsaCryptoProvider.js";
import { generateWrappingKey } from "./wrappingKeySource.js";

/** Options of {@link nodeCrypto}. */
export interface NodeCryptoOptions {
  /**
   * The 32-byte AES-256 root key that seals key material, wrapping private keys and import
   * tokens. Pass the same key to read a store written earlier; a random one when absent.
   */
  readonly rootKey?: Uint8Array;
}

/**
 * The production {@link CryptoProvider}: real RSA wrapping key pairs (RSA_2048/3072/4096,
 * a fresh pair for every parameter set), RSA-OAEP and RSA-AES unwrapping, and AES-256-GCM
 * sealing of every secret under the root key (D11).
 *
 * @example
 * ```ts
 * const kms = createKms({ crypto: nodeCrypto({ rootKey }) });
 * ```
 */
export function nodeCrypto(options: NodeCryptoOptions = {}): CryptoProvider {
  return rsaCryptoProvider({
    rootKey: options.rootKey ?? randomBytes(32),
    wrappingKeys: generateWrappingKey,
  });
}
