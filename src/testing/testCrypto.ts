import { randomBytes } from "node:crypto";
import { rsaCryptoProvider } from "../adapters/rsaCryptoProvider.js";
import { generateWrappingKey, type WrappingKeyObjects } from "../adapters/wrappingKeySource.js";
import type { SupportedWrappingKeySpec } from "../domain/wrappingTable.js";
import type { CryptoProvider } from "../ports/cryptoProvider.js";

const sharedKeyPairs = new Map<SupportedWrappingKeySpec, Promise<WrappingKeyObjects>>();

/**
 * A fast {@link CryptoProvider} for tests. **Not for production:** every parameter set of a
 * wrapping key spec gets the same RSA key pair (one per spec per process), so the public key no
 * longer tells parameter sets apart. Everything else is real: the same wrapping formats as
 * `nodeCrypto()` (material wrapped by `wrapKeyMaterial` or openssl imports), sealing, token
 * protection and key material IDs.
 *
 * @example
 * ```ts
 * const kms = createKms({ crypto: testCrypto() });
 * ```
 */
export function testCrypto(options: { readonly rootKey?: Uint8Array } = {}): CryptoProvider {
  return rsaCryptoProvider({
    rootKey: options.rootKey ?? randomBytes(32),
    wrappingKeys: (spec) => {
      let pair = sharedKeyPairs.get(spec);
      if (pair === undefined) {
        pair = generateWrappingKey(spec);
        sharedKeyPairs.set(spec, pair);
      }
      return pair;
    },
  });
}
