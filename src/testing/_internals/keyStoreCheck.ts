import type { KeyStoreCheck, KeyStoreFactory, KeyStoreRule } from "../keyStoreContract.js";
import { type CheckedStore, checkedStore } from "./keyStoreCalls.js";

/** The contract's options with every default filled in. */
export interface KeyStoreSettings {
  readonly writers: number;
  readonly pageLimits: readonly number[];
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
