import type { EmptyResponse } from "../../domain/requests/keyIdRequest.js";
import { type KeyRef, showKeyRef } from "../model/keyRef.js";
import { lookUpKey } from "../model/lookUpKey.js";
import { type KmsModel, StepCommand } from "./kmsCommand.js";
import type { KmsSystem } from "./kmsSystem.js";
import { outcomeOf, type Step } from "./step.js";

/** UpdateKeyDescription: any key that is not pending deletion; DescribeKey shows it after. */
export class UpdateKeyDescriptionCommand extends StepCommand {
  constructor(
    readonly key: KeyRef,
    readonly description: string,
  ) {
    super();
  }

  async prepare(_model: KmsModel, system: KmsSystem): Promise<Step<EmptyResponse>> {
    return {
      label: this.toString(),
      predict: (state) => {
        const found = lookUpKey(state, this.key);
        if (typeof found === "string") return { error: found };
        if (found.key.state === "PendingDeletion") return { error: "KMSInvalidStateException" };
        found.key.description = this.description;
        return { check: () => [] };
      },
      run: () =>
        outcomeOf(
          system.kms.updateKeyDescription({
            KeyId: system.keyIdOf(this.key),
            Description: this.description,
          }),
        ),
    };
  }

  toString(): string {
    return `UpdateKeyDescription(${showKeyRef(this.key)}, ${JSON.stringify(this.description)})`;
  }
}
