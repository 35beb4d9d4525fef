import { createSecretKey, type KeyObject } from "node:crypto";
import { err, ok, type Result } from "neverthrow";
import { describe, expect, it } from "vitest";
import { materialKeyCache } from "../../src/adapters/materialKeyCache.js";
import { type KmsError, kmsError } from "../../src/domain/kmsError.js";

const sealed = (byte: number) => new Uint8Array([1, byte, byte]);

/** An opener that counts its calls and answers a fresh key each time. */
function counting() {
  let calls = 0;
  const open = (): Result<KeyObject, KmsError> => {
    calls += 1;
    return ok(createSecretKey(new Uint8Array(32).fill(calls)));
  };
  return { open, calls: () => calls };
}

describe("materialKeyCache", () => {
  it("opens sealed material once and finds the same key by equal bytes afterwards", () => {
    const cache = materialKeyCache(10);
    const opener = counting();
    const first = cache.keyOf(sealed(1), "secret", opener.open)._unsafeUnwrap();
    const again = cache.keyOf(new Uint8Array(sealed(1)), "secret", opener.open)._unsafeUnwrap();
    expect(again).toBe(first);
    expect(opener.calls()).toBe(1);
  });

  it("keeps a secret key and a private key of the same bytes apart", () => {
    const cache = materialKeyCache(10);
    const opener = counting();
    cache.keyOf(sealed(1), "secret", opener.open);
    cache.keyOf(sealed(1), "private", opener.open);
    expect(opener.calls()).toBe(2);
    expect(cache.size).toBe(2);
  });

  it("drops the least recently used key beyond its limit", () => {
    const cache = materialKeyCache(2);
    const opener = counting();
    cache.keyOf(sealed(1), "secret", opener.open);
    cache.keyOf(sealed(2), "secret", opener.open);
    cache.keyOf(sealed(1), "secret", opener.open); // 1 is now the most recently used
    cache.keyOf(sealed(3), "secret", opener.open); // drops 2
    expect(cache.size).toBe(2);
    cache.keyOf(sealed(1), "secret", opener.open);
    expect(opener.calls()).toBe(3);
    cache.keyOf(sealed(2), "secret", opener.open);
    expect(opener.calls()).toBe(4);
  });

  it("holds at most its limit, and never drops a key found since the last insertion", () => {
    const cache = materialKeyCache(100);
    const opener = counting();
    cache.keyOf(sealed(0), "secret", opener.open);
    for (let byte = 1; byte < 250; byte++) {
      cache.keyOf(sealed(byte), "secret", opener.open);
      const calls = opener.calls();
      cache.keyOf(sealed(0), "secret", opener.open);
      expect(opener.calls()).toBe(calls);
      expect(cache.size).toBe(Math.min(byte + 1, 100));
    }
  });

  it("gives the slot of a forgotten key to the next new one, dropping nothing else", () => {
    const cache = materialKeyCache(3);
    const opener = counting();
    for (const byte of [1, 2, 3]) cache.keyOf(sealed(byte), "secret", opener.open);
    cache.forget(sealed(2));
    cache.keyOf(sealed(4), "secret", opener.open);
    for (const byte of [1, 3, 4]) cache.keyOf(sealed(byte), "secret", opener.open);
    expect(opener.calls()).toBe(4);
    expect(cache.size).toBe(3);
  });

  it("forgets the keys of sealed bytes it is told to, and every key on clear", () => {
    const cache = materialKeyCache(10);
    const opener = counting();
    cache.keyOf(sealed(1), "secret", opener.open);
    cache.keyOf(sealed(1), "private", opener.open);
    cache.keyOf(sealed(2), "secret", opener.open);
    cache.forget(sealed(1));
    expect(cache.size).toBe(1);
    cache.clear();
    expect(cache.size).toBe(0);
  });

  it("keeps nothing with limit 0, and never keeps a failed opening", () => {
    const none = materialKeyCache(0);
    const opener = counting();
    none.keyOf(sealed(1), "secret", opener.open);
    none.keyOf(sealed(1), "secret", opener.open);
    expect(opener.calls()).toBe(2);
    expect(none.size).toBe(0);

    const cache = materialKeyCache(10);
    const refused = cache.keyOf(sealed(1), "secret", () =>
      err(kmsError("InvalidCiphertextException", "not sealed here")),
    );
    expect(refused._unsafeUnwrapErr().name).toBe("InvalidCiphertextException");
    expect(cache.size).toBe(0);
  });
});
