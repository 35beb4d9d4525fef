import fc from "fast-check";
import type { OperationName } from "../service/kmsOperations.js";
import { AdvanceTimeCommand } from "./commands/advanceTimeCommand.js";
import { AdvanceToDeadlineCommand } from "./commands/advanceToDeadlineCommand.js";
import { keyRefOf, minutesToAdvance } from "./commands/commandChoices.js";
import { ConcurrentCommand } from "./commands/concurrentCommand.js";
import type { KmsCommand } from "./commands/kmsCommand.js";
import type { KmsCommandsConstraints } from "./kmsCommandsConstraints.js";
import { concurrentWriteWeights, operationKit } from "./operationKit.js";

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
  const {
    wrappingKeySpecs = ["RSA_2048"],
    concurrency = true,
    behaviour = "classic",
  } = constraints;
  if (wrappingKeySpecs.length === 0) {
    throw new RangeError("kmsCommands wrappingKeySpecs must name at least one wrapping key spec.");
  }
  const operations = Object.keys(operationKit) as OperationName[];
  const keyRef = keyRefOf(behaviour);
  // Two writes to the same key at once: where a lost update shows.
  const concurrentWrites = keyRef.chain((key) => {
    const choices = { key: fc.constant(key), wrappingKeySpecs, behaviour };
    const write = fc.oneof(
      ...weighted(concurrentWriteWeights, (name) => operationKit[name].commands(choices)),
    );
    return fc.tuple(write, write).map(([first, second]) => new ConcurrentCommand(first, second));
  });
  return fc.oneof(
    ...operations.map((name) => ({
      weight: operationKit[name].weight,
      arbitrary: operationKit[name].commands({
        key: keyRef,
        wrappingKeySpecs,
        behaviour,
      }) as fc.Arbitrary<KmsCommand>,
    })),
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
