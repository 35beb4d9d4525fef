import { type KeyRef, showKeyRef } from "../model/keyRef.js";
import { getParametersStep } from "./getParametersForImportCommand.js";
import { ImportKeyMaterialCommand } from "./importKeyMaterialCommand.js";
import type { KmsCommand, KmsModel } from "./kmsCommand.js";
import type { KmsSystem } from "./kmsSystem.js";
import { runStep } from "./step.js";

/**
 * `count` GetParametersForImport calls on one key at one instant, then an import with the
 * burst's `offset`-th token: past ten live parameter sets the oldest are dropped (docs/decisions/0007-single-use-import-tokens.md), which
 * single calls spread over time never reach.
 */
export class GetParametersBurstCommand implements KmsCommand {
  constructor(
    readonly key: KeyRef,
    readonly count: number,
    readonly offset: number,
    readonly material: number,
  ) {}

  check(): boolean {
    return true;
  }

  async run(model: KmsModel, system: KmsSystem): Promise<void> {
    const ref = this.key;
    const issuedForKey = () =>
      model.state.tokens.filter((token) => ref.kind === "key" && token.key === ref.index).length;
    const before = issuedForKey();
    for (let call = 0; call < this.count; call++) {
      await runStep(model, getParametersStep(system, ref, "RSAES_OAEP_SHA_256", "RSA_2048"));
    }
    if (issuedForKey() === before) return; // refused: no key, AWS_KMS, pending deletion
    await new ImportKeyMaterialCommand({
      key: ref,
      material: this.material,
      token: { kind: "held", pick: before + this.offset },
      ciphertext: "wrapped",
      expiry: { kind: "never" },
    }).run(model, system);
  }

  toString(): string {
    return `GetParametersBurst(${showKeyRef(this.key)}, ${this.count} calls, then import material#${this.material} with token ${this.offset} of them)`;
  }
}
