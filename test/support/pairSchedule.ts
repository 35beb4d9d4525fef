import { ResultAsync } from "neverthrow";
import type { Kms } from "../../src/service/kms.js";
import type { KmsCommand } from "../../src/testing/commands/kmsCommand.js";
import { aroundKms } from "./aroundKms.js";

/**
 * Which of two calls started together the target completes first: the one sent first
 * (`asSent`), or the one sent second (`reversed`).
 */
export type PairOrder = "asSent" | "reversed";

/** Decides the order in which a target completes the two calls of a concurrent pair. */
export interface PairSchedule {
  /** `kms` with its calls going through the schedule; wrap the target with it. */
  wrap(kms: Kms): Kms;
  /** A model command that makes the next two calls complete in `order`, one after the other. */
  next(order: PairOrder): KmsCommand;
}

/**
 * A schedule for the calls of a `Concurrently(a, b)` command: once armed by the command
 * `next(order)` returns, the next two calls are made one at a time, the held one only after the
 * other has answered. Over HTTP the wrapper holds the request itself, so the server commits the
 * two in that order too. GetParametersForImport (which a command's `prepare` may call before the
 * pair starts) and every call while unarmed pass straight through.
 */
export function pairSchedule(): PairSchedule {
  let armed: PairOrder | undefined;
  let held: { readonly answered: Promise<void>; readonly release: () => void } | undefined;

  const wrap = (kms: Kms): Kms =>
    aroundKms(kms, (operation, call) => {
      if (armed === undefined || operation === "getParametersForImport") return call();
      if (held === undefined) {
        let release = () => {};
        const answered = new Promise<void>((resolve) => {
          release = resolve;
        });
        held = { answered, release };
        // asSent: the first call runs now and lets the second go once answered.
        if (armed === "asSent") return afterwards(call(), release);
        // reversed: the first call waits for the second's answer.
        return ResultAsync.fromSafePromise(answered).andThen(call);
      }
      const { answered, release } = held;
      const order = armed;
      armed = undefined;
      held = undefined;
      return order === "asSent"
        ? ResultAsync.fromSafePromise(answered).andThen(call)
        : afterwards(call(), release);
    });

  const next = (order: PairOrder): KmsCommand => ({
    check: () => true,
    run: async () => {
      armed = order;
    },
    toString: () => `NextPair(${order})`,
  });

  return { wrap, next };
}

/** `answer`, calling `then` once it has settled. */
function afterwards<R, E>(answer: ResultAsync<R, E>, then: () => void): ResultAsync<R, E> {
  return new ResultAsync(
    Promise.resolve(answer).then((result) => {
      then();
      return result;
    }),
  );
}
