import type { KeyStore } from "../../ports/keyStore.js";
import type { KeyStoreCheck, KeyStoreFactory, KeyStoreRule } from "../keyStoreCheckTypes.js";
import { type CheckedStore, checkedStore } from "./keyStoreCalls.js";

/** Opens another instance over the storage of a store, as a restarted process would. */
export type OpenAgain = (store: KeyStore) => KeyStore | Promise<KeyStore>;

/** The contract's options with every default filled in. */
export interface KeyStoreSettings {
  readonly writers: number;
  readonly pageLimits: readonly number[];
  /** Absent when the store cannot be opened again: the checks of two instances are left out. */
  readonly openAgain?: OpenAgain;
}

/** Builds the checks of one rule from their names and bodies. */
export type KeyStoreCheckGroup = (
  makeStore: KeyStoreFactory,
  settings: KeyStoreSettings,
) => KeyStoreCheck[];

/** A check of `rule` that runs `body` against a fresh store from `makeStore`. */
export function keyStoreCheck(
  rule: KeyStoreRule,
  name: string,
  makeStore: KeyStoreFactory,
  body: (store: CheckedStore) => Promise<void>,
): KeyStoreCheck {
  return Object.freeze({
    rule,
    name,
    run: async () => body(checkedStore(await makeStore())),
  });
}

/**
 * A check of `rule` that runs `body` against a fresh store from `makeStore` and hands it
 * `openAgain`, which opens another instance over the same storage each time it is called.
 */
export function reopeningCheck(
  rule: KeyStoreRule,
  name: string,
  makeStore: KeyStoreFactory,
  openAgain: OpenAgain,
  body: (first: CheckedStore, openAgain: () => Promise<CheckedStore>) => Promise<void>,
): KeyStoreCheck {
  return Object.freeze({
    rule,
    name,
    run: async () => {
      const first = await makeStore();
      return body(checkedStore(first), async () => checkedStore(await openAgain(first)));
    },
  });
}
