import type { Result, ResultAsync } from "neverthrow";
import type { KmsError, KmsErrorName } from "../../domain/kmsError.js";
import type { ModelState } from "../model/modelState.js";

/** What the target answered. */
export type Outcome<R> =
  | { readonly ok: true; readonly value: R }
  | { readonly ok: false; readonly error: KmsError };

/**
 * What the model says the target must answer: an error name, or success with a response that
 * passes `check` (which lists what is wrong with it).
 */
export type Prediction<R> =
  | { readonly error: KmsErrorName }
  | {
      /** Lists what is wrong with the response (a method, so a `Step<R>` is a `Step<unknown>`). */
      check(response: R): readonly string[];
    };

/** One operation against the target, next to the model's prediction of it. */
export interface Step<R> {
  readonly label: string;
  /** Applies the operation to `state` when the model predicts success, and says what to expect. */
  predict(state: ModelState): Prediction<R>;
  /** Calls the target and records what it handed out (keys, tokens, ciphertexts). */
  run(): Promise<Outcome<R>>;
}

/** Awaits a target call as an {@link Outcome}. */
export async function outcomeOf<R>(
  call: ResultAsync<R, KmsError> | Promise<Result<R, KmsError>>,
): Promise<Outcome<R>> {
  const result = await call;
  return result.isOk() ? { ok: true, value: result.value } : { ok: false, error: result.error };
}

/** Where the outcome departs from the prediction, or `undefined` when it matches. */
export function mismatchOf<R>(prediction: Prediction<R>, outcome: Outcome<R>): string | undefined {
  if ("error" in prediction) {
    if (outcome.ok) return `expected ${prediction.error}, got success ${show(outcome.value)}`;
    if (outcome.error.name !== prediction.error) {
      return `expected ${prediction.error}, got ${outcome.error.name}: ${outcome.error.message}`;
    }
    if (typeof outcome.error.message !== "string" || outcome.error.message.length === 0) {
      return `${outcome.error.name} came without a message`;
    }
    return undefined;
  }
  if (!outcome.ok) {
    return `expected success, got ${outcome.error.name}: ${outcome.error.message}`;
  }
  const problems = prediction.check(outcome.value);
  return problems.length === 0 ? undefined : `${problems.join("; ")} in ${show(outcome.value)}`;
}

/** Runs one step against the model and the target; throws when they disagree. */
export async function runStep<R>(model: { state: ModelState }, step: Step<R>): Promise<Outcome<R>> {
  const prediction = step.predict(model.state);
  const outcome = await step.run();
  const mismatch = mismatchOf(prediction, outcome);
  if (mismatch !== undefined) throw new Error(`${step.label}: ${mismatch}`);
  return outcome;
}

/** A response for failure reports: bytes as their length, dates as ISO strings. */
export function show(value: unknown): string {
  // The holder's own member, not what toJSON made of it: a Buffer is bytes too.
  return JSON.stringify(value, function (this: Record<string, unknown>, key, v: unknown) {
    const member = this[key];
    if (member instanceof Uint8Array) return `<${member.byteLength} bytes>`;
    return v;
  });
}
