import fc from "fast-check";
import type { KmsCommand } from "./commands/kmsCommand.js";

/**
 * A model run found a difference between the target and the reference model. The message is
 * fast-check's report; `commands` is the shrunk counterexample, one command per entry, and
 * `seed`, `path` and `replayPath` replay it
 * (`runKmsModel(target, { seed, path, replayPath })`).
 */
export class KmsModelFailure extends Error {
  override readonly name = "KmsModelFailure";
  /** The commands of the shrunk counterexample, in the order they ran. */
  readonly commands: readonly string[];
  readonly seed: number;
  readonly path: string | undefined;
  /** Which commands of the sequence ran; pass it with `seed` and `path` to replay exactly. */
  readonly replayPath: string | undefined;
  /** How many times fast-check shrank the first failing sequence. */
  readonly numShrinks: number;

  constructor(details: fc.RunDetails<[number, Iterable<KmsCommand>]>, commands: readonly string[]) {
    const report = fc.defaultReportMessage(details) ?? "The model run failed.";
    const cause = details.errorInstance;
    super(cause instanceof Error ? `${report}\n\nDisagreement: ${cause.message}` : report, {
      cause,
    });
    this.commands = commands;
    this.seed = details.seed;
    this.path = details.counterexamplePath ?? undefined;
    this.replayPath = /\/\*replayPath="([^"]*)"\*\//.exec(String(details.counterexample?.[1]))?.[1];
    this.numShrinks = details.numShrinks;
  }
}
