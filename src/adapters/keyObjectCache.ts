import type { KeyObject } from "node:crypto";

/** Parsed private keys, found by the sealed bytes they were handed out as. */
export interface KeyObjectCache {
  remember(sealed: Uint8Array, key: KeyObject): void;
  find(sealed: Uint8Array): KeyObject | undefined;
  clear(): void;
}

/**
 * A bounded in-memory map from sealed private key bytes to the parsed key, so an import does
 * not parse the PKCS#8 it was handed (OpenSSL 3 takes about 0.35 ms per parse). Only exact bytes
 * this process sealed are found; beyond `limit` entries the oldest is dropped and the sealed
 * bytes are opened and parsed as usual.
 */
export function keyObjectCache(limit: number): KeyObjectCache {
  const entries = new Map<string, KeyObject>();
  const keyOf = (sealed: Uint8Array) =>
    Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength).toString("base64");
  return {
    remember(sealed, key) {
      entries.set(keyOf(sealed), key);
      if (entries.size > limit) {
        const oldest = entries.keys().next();
        if (oldest.done !== true) entries.delete(oldest.value);
      }
    },
    find: (sealed) => entries.get(keyOf(sealed)),
    clear: () => entries.clear(),
  };
}
