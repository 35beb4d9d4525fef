import { aliasPoolSize, liveAlias } from "../model/keyRef.js";
import { DeleteAliasCommand } from "./deleteAliasCommand.js";
import { describeKeyStep } from "./describeKeyCommand.js";
import { GetKeyPolicyCommand } from "./keyPolicyCommands.js";
import { KeyRotationCommand } from "./keyRotationCommand.js";
import type { KmsModel } from "./kmsCommand.js";
import type { KmsSystem } from "./kmsSystem.js";
import { ListAliasesCommand } from "./listAliasesCommand.js";
import { ListKeyRotationsCommand } from "./listKeyRotationsCommand.js";
import { runStep } from "./step.js";
import { ListResourceTagsCommand } from "./tagCommands.js";

/**
 * Reads back everything the model knows of every key the run created, each checked: its
 * metadata, tags (in pages of two), policy, rotation status and (current profile) every material,
 * and then every alias, and that the aliases of deleted keys are gone. What a time step did to
 * all of them, and what earlier steps stored without reading it back.
 * (Only sometimes: a read persists the expiry it observes, which would otherwise be left for
 * the next operation on the key to find.)
 */
export async function readAllKeys(model: KmsModel, system: KmsSystem): Promise<void> {
  for (let index = 0; index < system.keys.length; index++) {
    const ref = { kind: "key", index, form: "id" } as const;
    await runStep(
      model,
      describeKeyStep(system, ref, `DescribeKey(key#${index}) after the time step`),
    );
    await new ListResourceTagsCommand(ref, 2).run(model, system);
    await new GetKeyPolicyCommand(ref).run(model, system);
    await new KeyRotationCommand("GetKeyRotationStatus", ref).run(model, system);
    if (model.state.behaviour === "current") {
      await new ListKeyRotationsCommand(ref, "ALL_KEY_MATERIAL", 2).run(model, system);
    }
  }
  await new ListAliasesCommand(2, undefined).run(model, system);
  // An alias whose key is gone is gone too: DeleteAlias must not find it.
  for (let name = 0; name < aliasPoolSize; name++) {
    if (model.state.aliases[name] !== undefined && liveAlias(model.state, name) === undefined) {
      await new DeleteAliasCommand(name).run(model, system);
    }
  }
}
