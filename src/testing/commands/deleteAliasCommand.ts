import type { EmptyResponse } from "../../domain/requests/keyIdRequest.js";
import { liveAlias, modelAliasName } from "../model/keyRef.js";
import { type KmsModel, StepCommand } from "./kmsCommand.js";
import type { KmsSystem } from "./kmsSystem.js";
import { outcomeOf, type Step } from "./step.js";

/** DeleteAlias of the alias at position `name`: only while it lives; its key stays as it is. */
export class DeleteAliasCommand extends StepCommand {
  constructor(readonly name: number) {
    super();
  }

  async prepare(_model: KmsModel, system: KmsSystem): Promise<Step<EmptyResponse>> {
    return {
      label: this.toString(),
      predict: (state) => {
        if (liveAlias(state, this.name) === undefined) return { error: "NotFoundException" };
        state.aliases[this.name] = undefined;
        return { check: () => [] };
      },
      run: () => outcomeOf(system.kms.deleteAlias({ AliasName: modelAliasName(this.name) })),
    };
  }

  toString(): string {
    return `DeleteAlias(alias#${this.name})`;
  }
}
