import type { KeyObject } from "node:crypto";
import { ok, type Result } from "neverthrow";
import type { KmsError } from "../domain/kmsError.js";

/** How key material is used as a `KeyObject`: a secret key (AES, HMAC) or a PKCS#8 private key. */
export type MaterialKeyKind = "secret" | "private";

/** Opened key material as `KeyObject`s, found by the sealed bytes it was opened from. */
export interface MaterialKeyCache {
  /**
   * The `KeyObject` of `kind` that `sealed` holds: the cached one, or `open(sealed)`'s, which is
   * then remembered (the least recently used entry beyond the limit is dropped).
   */
  keyOf(
    sealed: Uint8Array,
    kind: MaterialKeyKind,
    open: () => Result<KeyObject, KmsError>,
  ): Result<KeyObject, KmsError>;
  /** Drops the keys of `sealed`. */
  forget(sealed: Uint8Array): void;
  /** Drops every key. */
  clear(): void;
  /** How many keys are held. */
  readonly size: number;
}

/**
 * A bounded least-recently-used map from sealed key material to the `KeyObject` it opens to, so
 * a data-plane call does not open the material with a full AES-GCM operation under the root key
 * and parse it again. A `KeyObject` keeps the key in memory of its own (never in Node's shared
 * Buffer pool) and cannot be exported back to bytes through this map. Only the exact sealed bytes
 * a caller opened find the key; with `limit` 0 nothing is kept.
 */
export function materialKeyCache(limit: number): MaterialKeyCache {
  const entries = new Map<string, KeyObject>();
  const nameOf = (sealed: Uint8Array) =>
    Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength).toString("latin1");
  return {
    keyOf(sealed, kind, open) {
      const name = `${kind}:${nameOf(sealed)}`;
      const cached = entries.get(name);
      if (cached !== undefined) {
        entries.delete(name);
        entries.set(name, cached);
        return ok(cached);
      }
      const opened = open();
      if (opened.isOk() && limit > 0) {
        entries.set(name, opened.value);
        if (entries.size > limit) {
          const oldest = entries.keys().next();
          if (oldest.done !== true) entries.delete(oldest.value);
        }
      }
      return opened;
    },
    forget(sealed) {
      const name = nameOf(sealed);
      entries.delete(`secret:${name}`);
      entries.delete(`private:${name}`);
    },
    clear: () => entries.clear(),
    get size() {
      return entries.size;
    },
  };
}
