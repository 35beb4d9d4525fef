import type { KeyObject } from "node:crypto";
import { ok, type Result } from "neverthrow";
import type { KmsError } from "../domain/kmsError.js";

/** How key material is used as a `KeyObject`: a secret key (AES, HMAC) or a PKCS#8 private key. */
export type MaterialKeyKind = "secret" | "private";

/** Opened key material as `KeyObject`s, found by the sealed bytes it was opened from. */
export interface MaterialKeyCache {
  /**
   * The `KeyObject` of `kind` that `sealed` holds: the cached one, or `open(sealed)`'s, which is
   * then remembered (beyond the limit, in place of one not used lately).
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

/** One remembered key, in its slot of the clock. */
interface Slot {
  readonly kind: MaterialKeyKind;
  readonly name: string;
  readonly key: KeyObject;
  readonly index: number;
  /** Whether the key was found since the clock's hand last passed it. */
  used: boolean;
}

/**
 * A bounded map from sealed key material to the `KeyObject` it opens to, so a data-plane call
 * does not open the material with a full AES-GCM operation under the root key and parse it
 * again. A `KeyObject` keeps the key in memory of its own (never in Node's shared Buffer pool)
 * and cannot be exported back to bytes through this map. Only the exact sealed bytes a caller
 * opened find the key; with `limit` 0 nothing is kept.
 *
 * Beyond `limit` keys, the clock algorithm drops one that was not found since the clock's hand
 * last passed it (an approximation of the least recently used). A hit only marks its slot, so
 * it costs the same with 10 keys or 10,000: reinserting a hit into a `Map` to keep exact
 * recency order lengthens V8's hash chains until a lookup costs microseconds per thousand keys.
 */
export function materialKeyCache(limit: number): MaterialKeyCache {
  const found: Record<MaterialKeyKind, Map<string, Slot>> = {
    secret: new Map(),
    private: new Map(),
  };
  const slots: (Slot | undefined)[] = [];
  /** Slots emptied by `forget`, filled before the clock drops anything. */
  const freed: number[] = [];
  let hand = 0;
  // Copied, not viewed through `sealed.buffer`: V8 keeps a small Uint8Array (a store's fresh copy
  // of sealed material) inside its object until `.buffer` is read, which moves it out to memory of
  // its own: five times the cost of the whole lookup.
  const nameOf = (sealed: Uint8Array) => Buffer.from(sealed).toString("latin1");
  const drop = (slot: Slot | undefined) => {
    if (slot === undefined) return;
    found[slot.kind].delete(slot.name);
    slots[slot.index] = undefined;
  };
  /** The index of a slot for a new key: a free one, or that of the key the clock drops. */
  const freeSlot = (): number => {
    const free = freed.pop();
    if (free !== undefined) return free;
    if (slots.length < limit) return slots.length;
    for (;;) {
      const index = hand;
      hand = (hand + 1) % limit;
      const slot = slots[index];
      if (slot?.used === true) slot.used = false;
      else {
        drop(slot);
        return index;
      }
    }
  };
  return {
    keyOf(sealed, kind, open) {
      const name = nameOf(sealed);
      const cached = found[kind].get(name);
      if (cached !== undefined) {
        cached.used = true;
        return ok(cached.key);
      }
      const opened = open();
      if (opened.isOk() && limit > 0) {
        const slot: Slot = { kind, name, key: opened.value, index: freeSlot(), used: false };
        slots[slot.index] = slot;
        found[kind].set(name, slot);
      }
      return opened;
    },
    forget(sealed) {
      const name = nameOf(sealed);
      for (const slot of [found.secret.get(name), found.private.get(name)]) {
        if (slot === undefined) continue;
        drop(slot);
        freed.push(slot.index);
      }
    },
    clear() {
      found.secret.clear();
      found.private.clear();
      slots.length = 0;
      freed.length = 0;
      hand = 0;
    },
    get size() {
      return found.secret.size + found.private.size;
    },
  };
}
