// The types a check of keyStoreContract is made of, in a leaf file: the contract and the checks
// in _internals both import them, and neither imports the other for them.
import type { KeyStore } from "../ports/keyStore.js";

/** The rules of the {@link KeyStore} port, one per group of {@link KeyStoreCheck}s. */
export type KeyStoreRule =
  | "round trip"
  | "compare-and-set"
  | "concurrent writers"
  | "isolation"
  | "pagination"
  | "no aliasing"
  | "errors are values"
  | "removal"
  | "large pages"
  | "aliases"
  | "behaviour profiles"
  | "durability"
  | "two instances";

/** One named check of {@link keyStoreContract}. */
export interface KeyStoreCheck {
  /** What the store must do, as a sentence: use it as the test's name. */
  readonly name: string;
  /** The rule of the port this check belongs to. */
  readonly rule: KeyStoreRule;
  /**
   * Runs the check against a fresh store. Resolves when the store keeps the rule; otherwise
   * rejects with an `Error` named `KeyStoreContractViolation` whose message names the rule,
   * the call that broke it, and the values expected and returned.
   */
  run(): Promise<void>;
}

/** Makes a fresh, empty store; called once per check. */
export type KeyStoreFactory = () => KeyStore | Promise<KeyStore>;
