import { ResultAsync } from "neverthrow";
import type { Kms } from "../../../src/service/kms.js";
import type { KmsTarget } from "../../../src/testing/runKmsModel.js";
import { aroundKms } from "../../support/aroundKms.js";

/**
 * `kms` writing each call into `calls` as `operation: ok` or `operation: ErrorName`, in the
 * order the calls were made (not the order they were answered).
 */
export function recordingKms(kms: Kms, calls: string[]): Kms {
  return aroundKms(kms, (operation, call) => {
    const at = calls.push(`${operation}: no answer`) - 1;
    return new ResultAsync(
      Promise.resolve(call()).then(
        (result) => {
          calls[at] = `${operation}: ${result.isOk() ? "ok" : result.error.name}`;
          return result;
        },
        (error: unknown) => {
          calls[at] = `${operation}: threw`;
          throw error;
        },
      ),
    );
  });
}

/** `target` with a recording of its calls, one list per sequence (per target built). */
export function recorded(target: KmsTarget): {
  readonly target: KmsTarget;
  readonly sequences: readonly (readonly string[])[];
} {
  const sequences: string[][] = [];
  return {
    sequences,
    target: async (environment) => {
      const made = await target(environment);
      const calls: string[] = [];
      sequences.push(calls);
      return "kms" in made
        ? { ...made, kms: recordingKms(made.kms, calls) }
        : recordingKms(made, calls);
    },
  };
}
