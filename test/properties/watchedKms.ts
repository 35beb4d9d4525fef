import { type Result, ResultAsync } from "neverthrow";
import type { KmsError } from "../../src/domain/kmsError.js";
import type { Kms } from "../../src/service/kms.js";
import { aroundKms } from "../support/aroundKms.js";

/** One finished call of a watched KMS. */
export interface KmsCall {
  readonly operation: keyof Kms;
  readonly result: Result<unknown, KmsError>;
}

/** What a test does around every call: `before` it starts, `after` it ended (throw to fail). */
export interface KmsWatch<S> {
  before(): Promise<S>;
  after(call: KmsCall, before: S): Promise<void>;
}

/**
 * `kms` with `watch` around every operation: a target for runKmsModel that checks a law of
 * our own after each step of the kit's random lifecycles. Calls must not overlap (run the
 * model with `concurrency: false`).
 */
export function watchedKms<S>(kms: Kms, watch: KmsWatch<S>): Kms {
  return aroundKms(
    kms,
    (operation, call) =>
      new ResultAsync(
        (async () => {
          const before = await watch.before();
          const result = await call();
          await watch.after({ operation, result }, before);
          return result;
        })(),
      ),
  );
}
