import type fc from "fast-check";
import type * as kmsByok from "kms-byok";
import type * as testing from "kms-byok/testing";

/**
 * What a consumer law runs against: the package's two entries and fast-check, all loaded the
 * same way — by `import` (ES modules) or by `require` (CommonJS).
 */
export interface ConsumerKit {
  /** The `"."` entry, `kms-byok`. */
  readonly kmsByok: typeof kmsByok;
  /** The test kit, `kms-byok/testing`. */
  readonly testing: typeof testing;
  /** fast-check, the instance the kit itself resolves (the consumer's one copy). */
  readonly fc: typeof fc;
}

/** A property of kms-byok as a consumer uses it, run once per module format. */
export interface ConsumerLaw {
  /** The law, as the name of the test that checks it. */
  readonly name: string;
  /** Runs `fc.assert` on the law with the given kit; rejects when the law is broken. */
  readonly check: (kit: ConsumerKit) => Promise<void>;
}
