import { describeKeyStep } from "./describeKeyCommand.js";
import type { KmsModel } from "./kmsCommand.js";
import type { KmsSystem } from "./kmsSystem.js";
import { runStep } from "./step.js";

/**
 * DescribeKey of every key the run created, each checked: what a time step did to all of them.
 * (Only sometimes: a DescribeKey persists the expiry it observes, which would otherwise be left
 * for the next operation on the key to find.)
 */
export async function describeAllKeys(model: KmsModel, system: KmsSystem): Promise<void> {
  for (let index = 0; index < system.keys.length; index++) {
    const ref = { kind: "key", index, form: "id" } as const;
    await runStep(
      model,
      describeKeyStep(system, ref, `DescribeKey(key#${index}) after the time step`),
    );
  }
}
