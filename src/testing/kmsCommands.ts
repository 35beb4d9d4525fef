import fc from "fast-check";
import { anyKmsCommand } from "./anyKmsCommand.js";
import type { KmsCommand } from "./commands/kmsCommand.js";
import type { KmsCommandsConstraints } from "./kmsCommandsConstraints.js";

export type { KmsCommandsConstraints } from "./kmsCommandsConstraints.js";

/**
 * Model-based commands for fast-check that cover every operation of `Kms` and the passage of
 * time: each command applies one step to a reference model (an independent table of the rules)
 * and to the target, and throws when the target's answer — the response members the model
 * knows, or the error name — differs. Sequences shrink to the shortest that still fails.
 *
 * Most users want {@link runKmsModel}, which runs these against a target; use `kmsCommands`
 * with `fc.asyncModelRun` to combine them with your own commands or setup.
 *
 * @example
 * ```ts
 * fc.assert(fc.asyncProperty(kmsCommands({ maxCommands: 20 }), (commands) =>
 *   fc.asyncModelRun(setup, commands)));
 * ```
 */
export function kmsCommands(
  constraints: KmsCommandsConstraints = {},
): fc.Arbitrary<Iterable<KmsCommand>> {
  return fc.commands([anyKmsCommand(constraints)], {
    maxCommands: constraints.maxCommands ?? 40,
    size: "max",
    ...(constraints.replayPath === undefined ? {} : { replayPath: constraints.replayPath }),
  });
}
