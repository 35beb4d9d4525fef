import type { EmptyResponse } from "../../domain/requests/keyIdRequest.js";
import { type AliasChoice, aliasPosition, liveAlias, modelAliasName } from "../model/keyRef.js";
import { type KmsModel, StepCommand } from "./kmsCommand.js";
import type { KmsSystem } from "./kmsSystem.js";
import { outcomeOf, type Step } from "./step.js";

/** DeleteAlias of the alias at position `name`: only while it lives; its key stays as it is. */
export class DeleteAliasCommand extends StepCommand {
  constructor(readonly name: AliasChoice) {
    super();
  }

  async prepare(model: KmsModel, system: KmsSystem): Promise<Step<EmptyResponse>> {
    const name = aliasPosition(model.state, this.name);
    return {
      label: `${this.toString()} as alias#${name}`,
      predict: (state) => {
        if (liveAlias(state, name) === undefined) return { error: "NotFoundException" };
        state.aliases[name] = undefined;
        return { check: () => [] };
      },
      run: () => outcomeOf(system.kms.deleteAlias({ AliasName: modelAliasName(name) })),
    };
  }

  toString(): string {
    return `DeleteAlias(alias#${this.name})`;
  }
}
