import fc from "fast-check";
import type { OperationName } from "../domain/operationName.js";
import { AdvanceTimeCommand } from "./commands/advanceTimeCommand.js";
import { AdvanceToDeadlineCommand } from "./commands/advanceToDeadlineCommand.js";
import { keyRef, minutesToAdvance } from "./commands/commandChoices.js";
import { ConcurrentCommand } from "./commands/concurrentCommand.js";
import type { KmsCommand } from "./commands/kmsCommand.js";
import {
  concurrentWriteWeights,
  operationCommands,
  operationWeights,
} from "./commands/operationCommands.js";
import type { KmsCommandsConstraints } from "./kmsCommandsConstraints.js";

/** The commands of the operations `weights` names, as weighted choices for `fc.oneof`. */
function weighted<N extends OperationName, C>(
  weights: { readonly [M in N]: number },
  commandOf: (name: N) => fc.Arbitrary<C>,
): fc.WeightedArbitrary<C>[] {
  return (Object.keys(weights) as N[]).map((name) => ({
    weight: weights[name],
    arbitrary: commandOf(name),
  }));
}

/**
 * One command of {@link kmsCommands}: for `fc.commands([...yourCommands, anyKmsCommand()])`
 * with {@link kmsModelSetup}. `maxCommands` and `replayPath` are ignored here.
 */
export function anyKmsCommand(constraints: KmsCommandsConstraints = {}): fc.Arbitrary<KmsCommand> {
  const { wrappingKeySpecs = ["RSA_2048"], concurrency = true } = constraints;
  if (wrappingKeySpecs.length === 0) {
    throw new RangeError("kmsCommands wrappingKeySpecs must name at least one wrapping key spec.");
  }
  const commands = operationCommands(keyRef, wrappingKeySpecs);
  // Two writes to the same key at once: where a lost update shows.
  const concurrentWrites = keyRef.chain((key) => {
    const onKey = operationCommands(fc.constant(key), wrappingKeySpecs);
    const write = fc.oneof(...weighted(concurrentWriteWeights, (name) => onKey[name]));
    return fc.tuple(write, write).map(([first, second]) => new ConcurrentCommand(first, second));
  });
  return fc.oneof(
    ...weighted(operationWeights, (name) => commands[name]),
    {
      weight: 39,
      arbitrary: fc
        .tuple(minutesToAdvance, fc.boolean())
        .map(([minutes, thenDescribe]) => new AdvanceTimeCommand(minutes, thenDescribe)),
    },
    {
      weight: 26,
      arbitrary: fc
        .tuple(
          fc.constantFrom(
            "ValidTo" as const,
            "ParametersValidTo" as const,
            "DeletionDate" as const,
          ),
          fc.nat(3),
          fc.constantFrom(-1, 0, 0, 1),
          fc.boolean(),
        )
        .map(
          ([deadline, pick, offset, thenDescribe]) =>
            new AdvanceToDeadlineCommand(deadline, pick, offset, thenDescribe),
        ),
    },
    ...(concurrency ? [{ weight: 39, arbitrary: concurrentWrites }] : []),
  );
}
