import type { EmptyResponse } from "../../domain/requests/keyIdRequest.js";
import {
  type AliasChoice,
  aliasPosition,
  type KeyRef,
  liveAlias,
  modelAliasName,
  showKeyRef,
} from "../model/keyRef.js";
import { type LookedUp, lookUpKey } from "../model/lookUpKey.js";
import type { ModelState } from "../model/modelState.js";
import { type KmsModel, StepCommand } from "./kmsCommand.js";
import type { KmsSystem } from "./kmsSystem.js";
import { outcomeOf, type Step } from "./step.js";

/**
 * CreateAlias or UpdateAlias of the alias at position `name` to the key `key` names
 * (docs/decisions/0023-aliases.md): the target must exist and not be pending deletion; a name is
 * created once while it lives, and updated only while it does.
 */
export class AliasTargetCommand extends StepCommand {
  constructor(
    readonly operation: "CreateAlias" | "UpdateAlias",
    readonly name: AliasChoice,
    readonly key: KeyRef,
  ) {
    super();
  }

  async prepare(model: KmsModel, system: KmsSystem): Promise<Step<EmptyResponse>> {
    const name = aliasPosition(model.state, this.name);
    return {
      label: `${this.toString()} as alias#${name}`,
      predict: (state) => {
        const target = lookUpKey(state, this.key);
        if (typeof target === "string" && target !== "NotFoundException") return { error: target };
        const existing = liveAlias(state, name);
        if (this.operation === "CreateAlias") {
          const refusal = targetRefusal(target);
          if (refusal !== undefined) return { error: refusal };
          if (existing !== undefined) return { error: "AlreadyExistsException" };
        } else {
          if (existing === undefined) return { error: "NotFoundException" };
          const refusal = targetRefusal(target);
          if (refusal !== undefined) return { error: refusal };
        }
        setAlias(state, name, (target as Exclude<LookedUp, string>).index);
        return { check: () => [] };
      },
      run: () => {
        const request = {
          AliasName: modelAliasName(name),
          TargetKeyId: system.keyIdOf(this.key),
        };
        return outcomeOf(
          this.operation === "CreateAlias"
            ? system.kms.createAlias(request)
            : system.kms.updateAlias(request),
        );
      },
    };
  }

  toString(): string {
    return `${this.operation}(alias#${this.name} → ${showKeyRef(this.key)})`;
  }
}

/** Why an alias may not point at the key the model found, if it may not. */
function targetRefusal(target: LookedUp) {
  if (typeof target === "string") return target;
  return target.key.state === "PendingDeletion" ? "KMSInvalidStateException" : undefined;
}

function setAlias(state: ModelState, name: number, key: number): void {
  const existing = liveAlias(state, name);
  state.aliases[name] = {
    key,
    creationDate: existing?.creationDate ?? state.now,
    lastUpdatedDate: state.now,
  };
}
